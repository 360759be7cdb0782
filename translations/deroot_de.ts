<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Deroot::Core::ApplyOutcome</name>
    <message>
        <source>the helper&apos;s answer names no apply id or outcome</source>
        <translation>die Antwort des Helfers nennt weder eine Anwendungs-ID noch ein Ergebnis</translation>
    </message>
    <message>
        <source>Timer (%1), as systemd has it:</source>
        <translation>Timer (%1), wie systemd ihn sieht:</translation>
    </message>
    <message>
        <source>Running agent (%1, pid %2):</source>
        <translation>Laufender Agent (%1, PID %2):</translation>
    </message>
    <message>
        <source>%1: %2 as planned</source>
        <translation>%1: %2 wie geplant</translation>
    </message>
    <message>
        <source>%1: %2, but the plan expects %3</source>
        <translation>%1: %2, aber der Plan erwartet %3</translation>
    </message>
    <message numerus="yes">
        <source>Applied: %n step(s) done.</source>
        <translation>
            <numerusform>Angewendet: %n Schritt erledigt.</numerusform>
            <numerusform>Angewendet: %n Schritte erledigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The apply failed and everything it had changed was undone: %1</source>
        <translation>Die Anwendung ist fehlgeschlagen, und alles, was sie geändert hatte, wurde zurückgenommen: %1</translation>
    </message>
    <message>
        <source>Applied, but the running agent does not match the plan: %1. Undo it, or look into it and undo it later with its apply id.</source>
        <translation>Angewendet, aber der laufende Agent entspricht nicht dem Plan: %1. Nehmen Sie die Anwendung zurück, oder prüfen Sie es und nehmen Sie sie später mit ihrer ID zurück.</translation>
    </message>
    <message>
        <source>The apply failed: %1</source>
        <translation>Die Anwendung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Artifact</name>
    <message>
        <source>Confines %1 with AppArmor (complain mode until reviewed): only its capabilities, address families and paths.</source>
        <translation>Beschränkt %1 mit AppArmor (Beschwerdemodus bis zur Prüfung): nur seine Capabilities, Adressfamilien und Pfade.</translation>
    </message>
    <message>
        <source>Creates the system user %1 the agent %2 runs as: no password, no home directory, no login shell.</source>
        <translation>Legt den Systembenutzer %1 an, als der der Agent %2 läuft: kein Passwort, kein Home-Verzeichnis, keine Login-Shell.</translation>
    </message>
    <message>
        <source>Creates the system group %1 before the user: useradd -g needs it.</source>
        <translation>Legt die Systemgruppe %1 vor dem Benutzer an: useradd -g braucht sie.</translation>
    </message>
    <message>
        <source>Declares the system user %1 for systemd-sysusers, the declarative equivalent of the useradd line.</source>
        <translation>Deklariert den Systembenutzer %1 für systemd-sysusers, das deklarative Gegenstück zur useradd-Zeile.</translation>
    </message>
    <message>
        <source>run this again after every update of the program.</source>
        <translation>führen Sie dies nach jedem Update des Programms erneut aus.</translation>
    </message>
    <message>
        <source>every upgrade of the package %1 removes them, so run this again after each one (or use the systemd unit&apos;s AmbientCapabilities=, which upgrades keep).</source>
        <translation>jedes Upgrade des Pakets %1 entfernt sie, führen Sie dies also nach jedem erneut aus (oder nutzen Sie AmbientCapabilities= der systemd-Unit, das Upgrades überdauert).</translation>
    </message>
    <message>
        <source>every upgrade of the package %1 removes them, so run this again after each one.</source>
        <translation>jedes Upgrade des Pakets %1 entfernt sie, führen Sie dies also nach jedem erneut aus.</translation>
    </message>
    <message>
        <source>Lets %1 run %2 fixed command as root without a password; NOPASSWD is flagged by STIG/CIS scans (sudo_remove_nopasswd).</source>
        <translation>Lässt %1 %2 festen Befehl ohne Passwort als root ausführen; NOPASSWD wird von STIG-/CIS-Prüfungen gemeldet (sudo_remove_nopasswd).</translation>
    </message>
    <message>
        <source>Lets %1 run %2 fixed commands as root without a password; NOPASSWD is flagged by STIG/CIS scans (sudo_remove_nopasswd).</source>
        <translation>Lässt %1 %2 feste Befehle ohne Passwort als root ausführen; NOPASSWD wird von STIG-/CIS-Prüfungen gemeldet (sudo_remove_nopasswd).</translation>
    </message>
    <message>
        <source>no capability</source>
        <translation>keiner Capability</translation>
    </message>
    <message>
        <source>Runs %1 as %2 with %3 and a sandbox, over the vendor&apos;s %4.</source>
        <translation>Führt %1 als %2 mit %3 und einer Sandbox aus, über der %4 des Herstellers.</translation>
    </message>
    <message>
        <source>Runs %1 as %2 with %3 and a sandbox.</source>
        <translation>Führt %1 als %2 mit %3 und einer Sandbox aus.</translation>
    </message>
    <message>
        <source>Starts %1 on the schedule %2 (OnCalendar=).</source>
        <translation>Startet %1 nach dem Zeitplan %2 (OnCalendar=).</translation>
    </message>
    <message>
        <source>Runs %1 in a read-only container with only %2, as root inside because Docker gives a non-root user no effective added capability; use userns-remap.</source>
        <translation>Führt %1 in einem schreibgeschützten Container mit nur %2 aus, darin als root, weil Docker einem Benutzer außer root keine wirksame hinzugefügte Capability gibt; nutzen Sie userns-remap.</translation>
    </message>
    <message>
        <source>Runs %1 in a read-only container as the unprivileged uid %2 with no capability.</source>
        <translation>Führt %1 in einem schreibgeschützten Container als die unprivilegierte UID %2 ohne Capability aus.</translation>
    </message>
    <message>
        <source>The same container as the docker run line, for docker compose: root inside with only %1, because Docker gives a non-root user no effective added capability.</source>
        <translation>Derselbe Container wie die docker-run-Zeile, für docker compose: darin root mit nur %1, weil Docker einem Benutzer außer root keine wirksame hinzugefügte Capability gibt.</translation>
    </message>
    <message>
        <source>The same container as the docker run line, for docker compose: the unprivileged uid %1, no capability.</source>
        <translation>Derselbe Container wie die docker-run-Zeile, für docker compose: die unprivilegierte UID %1, keine Capability.</translation>
    </message>
    <message>
        <source>Runs %1 under Podman and systemd as the unprivileged uid %2 with no capability.</source>
        <translation>Führt %1 unter Podman und systemd als die unprivilegierte UID %2 ohne Capability aus.</translation>
    </message>
    <message>
        <source>Runs %1 under Podman and systemd as the unprivileged uid %2 with %3: Podman makes added capabilities ambient for a non-root user, so no root is needed.</source>
        <translation>Führt %1 unter Podman und systemd als die unprivilegierte UID %2 mit %3 aus: Podman macht hinzugefügte Capabilities für einen Benutzer außer root zu Ambient-Capabilities, also ist kein root nötig.</translation>
    </message>
    <message>
        <source>Runs %1 on every node as a DaemonSet meeting the Pod Security Standards &quot;%2&quot; profile.</source>
        <translation>Führt %1 auf jedem Knoten als DaemonSet aus, das das Profil „%2“ der Pod Security Standards erfüllt.</translation>
    </message>
    <message>
        <source>Runs %1 on every node as a DaemonSet meeting the Pod Security Standards &quot;%2&quot; profile (not stricter: %3).</source>
        <translation>Führt %1 auf jedem Knoten als DaemonSet aus, das das Profil „%2“ der Pod Security Standards erfüllt (kein strengeres: %3).</translation>
    </message>
    <message>
        <source>hostNetwork: the agent measures the host&apos;s network (its catalog entry)</source>
        <translation>hostNetwork: der Agent misst das Netz des Hosts (laut seinem Katalogeintrag)</translation>
    </message>
    <message>
        <source>hostNetwork: the agent needs AF_PACKET or CAP_NET_ADMIN on the host&apos;s interfaces</source>
        <translation>hostNetwork: der Agent braucht AF_PACKET oder CAP_NET_ADMIN auf den Schnittstellen des Hosts</translation>
    </message>
    <message>
        <source>hostPID: the agent reads the host&apos;s processes</source>
        <translation>hostPID: der Agent liest die Prozesse des Hosts</translation>
    </message>
    <message>
        <source>hostPath volume /: the agent reads the host&apos;s file systems</source>
        <translation>hostPath-Volume /: der Agent liest die Dateisysteme des Hosts</translation>
    </message>
    <message>
        <source>hostPath volumes: the agent reads the host&apos;s /proc or /sys</source>
        <translation>hostPath-Volumes: der Agent liest /proc oder /sys des Hosts</translation>
    </message>
    <message>
        <source>capabilities.add %1: not in the baseline profile&apos;s list</source>
        <translation>capabilities.add %1: nicht in der Liste des Profils baseline</translation>
    </message>
    <message>
        <source>runAsNonRoot: false and runAsUser: 0: Kubernetes has no ambient capabilities, so a non-root container gets none of the added %1 (allowPrivilegeEscalation: false also blocks file capabilities)</source>
        <translation>runAsNonRoot: false und runAsUser: 0: Kubernetes kennt keine Ambient-Capabilities, also bekommt ein Container ohne root keine der hinzugefügten %1 (allowPrivilegeEscalation: false sperrt auch Datei-Capabilities)</translation>
    </message>
    <message>
        <source>capabilities.add %1: restricted allows NET_BIND_SERVICE only</source>
        <translation>capabilities.add %1: restricted erlaubt nur NET_BIND_SERVICE</translation>
    </message>
    <message>
        <source>Gives %1 only %2 when anyone runs it; `getcap %1` must then print &quot;%1 %3&quot;. +ep (permitted and effective) is enough for a program that does not start others with the capability; the often advised +eip also lets children holding it as inheritable keep it, which is rarely needed and widens what a compromise reaches. Writing the file drops file capabilities: %4</source>
        <translation>Gibt %1 nur %2, wenn jemand es ausführt; `getcap %1` muss danach „%1 %3“ ausgeben. +ep (erlaubt und wirksam) genügt für ein Programm, das keine anderen mit der Capability startet; das oft empfohlene +eip lässt sie auch Kindprozesse behalten, die sie als vererbbar halten, was selten nötig ist und erweitert, was eine Kompromittierung erreicht. Das Schreiben der Datei entfernt Datei-Capabilities: %4</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Audit</name>
    <message>
        <source>the service manager (PID 1): it must run as root; nothing to change</source>
        <translation>der Dienstverwalter (PID 1): er muss als root laufen; nichts zu ändern</translation>
    </message>
    <message>
        <source>part of systemd, privileged by design and already sandboxed by its unit; leave it as it is</source>
        <translation>Teil von systemd, absichtlich privilegiert und durch seine Unit bereits abgeschirmt; lassen Sie es, wie es ist</translation>
    </message>
    <message>
        <source>a root login session: fine for an admin at work, not for an agent; agents belong in their own units</source>
        <translation>eine root-Anmeldesitzung: gut für einen arbeitenden Administrator, nicht für einen Agenten; Agenten gehören in eigene Units</translation>
    </message>
    <message>
        <source>select it, then Open in the wizard</source>
        <translation>wählen Sie ihn aus, dann „Im Assistenten öffnen“</translation>
    </message>
    <message>
        <source>runs as root with full capabilities: inspect it (%1) and give it only what it needs</source>
        <translation>läuft als root mit allen Capabilities: untersuchen Sie ihn (%1) und geben Sie ihm nur, was er braucht</translation>
    </message>
    <message>
        <source>runs as root with %1 capabilities (%2): run it as its own user with just these as ambient capabilities (%3)</source>
        <translation>läuft als root mit %1 Capabilities (%2): führen Sie ihn als eigenen Benutzer mit genau diesen als Ambient-Capabilities aus (%3)</translation>
    </message>
    <message>
        <source>runs as uid 0 without capabilities but still owns root&apos;s files: run it as its own user (%1)</source>
        <translation>läuft als UID 0 ohne Capabilities, besitzt aber root-Dateien: führen Sie ihn als eigenen Benutzer aus (%1)</translation>
    </message>
    <message>
        <source>runs as %1 but holds root-equivalent %2: check that it really needs it (%3)</source>
        <translation>läuft als %1, hält aber das root-gleiche %2: prüfen Sie, ob er es wirklich braucht (%3)</translation>
    </message>
    <message>
        <source>runs as %1 with only %2: already de-rooted; keep its bounding set to these</source>
        <translation>läuft als %1 mit nur %2: bereits ohne root; beschränken Sie seine Bounding-Menge weiter auf diese</translation>
    </message>
    <message>
        <source>a standard set-uid or set-gid program of the system: its job needs it; leave it as its package set it</source>
        <translation>ein Standardprogramm des Systems mit set-uid oder set-gid: seine Aufgabe braucht es; lassen Sie es so, wie sein Paket es gesetzt hat</translation>
    </message>
    <message>
        <source>namespaced capabilities %1 for root uid %2: they apply only in a user namespace whose root is that uid; remove them if no container needs them</source>
        <translation>Namensraum-Capabilities %1 für root-UID %2: sie gelten nur in einem Benutzernamensraum, dessen root diese UID ist; entfernen Sie sie, wenn kein Container sie braucht</translation>
    </message>
    <message>
        <source>file capabilities %1 give root-equivalent %2 to anyone who may run it: limit who may execute it (group, mode 0750) or drop them</source>
        <translation>Datei-Capabilities %1 geben jedem, der es ausführen darf, das root-gleiche %2: beschränken Sie, wer es ausführen darf (Gruppe, Modus 0750), oder entfernen Sie sie</translation>
    </message>
    <message>
        <source>an empty capability set (%1): it grants nothing and pins the file unprivileged</source>
        <translation>eine leere Capability-Menge (%1): sie gewährt nichts und hält die Datei unprivilegiert</translation>
    </message>
    <message>
        <source>file capabilities %1 for anyone who may run it; a package upgrade resets them unless the package sets them</source>
        <translation>Datei-Capabilities %1 für jeden, der es ausführen darf; ein Paket-Upgrade setzt sie zurück, außer das Paket setzt sie selbst</translation>
    </message>
    <message>
        <source>set-uid root: anyone who may run it runs it as root; keep it only if it must (passwd, su, sudo, mount)</source>
        <translation>set-uid root: jeder, der es ausführen darf, führt es als root aus; behalten Sie das nur, wenn es sein muss (passwd, su, sudo, mount)</translation>
    </message>
    <message>
        <source>set-uid %1: it runs with %1&apos;s rights</source>
        <translation>set-uid %1: es läuft mit den Rechten von %1</translation>
    </message>
    <message>
        <source>set-gid %1: it runs with group %1&apos;s rights</source>
        <translation>set-gid %1: es läuft mit den Rechten der Gruppe %1</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation>%1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The capabilities of %1 could not be read: %2.</source>
        <translation>Die Capabilities von %1 konnten nicht gelesen werden: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) could not be read (permission denied); run the audit as root to see them all.</source>
        <translation>
            <numerusform>%n Prozess konnte nicht gelesen werden (Zugriff verweigert); führen Sie die Prüfung als root aus, um alle zu sehen.</numerusform>
            <numerusform>%n Prozesse konnten nicht gelesen werden (Zugriff verweigert); führen Sie die Prüfung als root aus, um alle zu sehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The executables of %n listed process(es) could not be read (permission denied); they are grouped by unit or command name. Run the audit as root to see them.</source>
        <translation>
            <numerusform>Bei %n aufgeführten Prozess konnte die ausführbare Datei nicht gelesen werden (Zugriff verweigert); er ist nach Unit oder Befehlsname gruppiert. Führen Sie die Prüfung als root aus, um sie zu sehen.</numerusform>
            <numerusform>Bei %n aufgeführten Prozessen konnten die ausführbaren Dateien nicht gelesen werden (Zugriff verweigert); sie sind nach Unit oder Befehlsname gruppiert. Führen Sie die Prüfung als root aus, um sie zu sehen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Capability</name>
    <message>
        <source>change the owner of any file</source>
        <translation>den Eigentümer jeder Datei ändern</translation>
    </message>
    <message>
        <source>read, write and execute any file regardless of its permissions</source>
        <translation>jede Datei ungeachtet ihrer Rechte lesen, schreiben und ausführen</translation>
    </message>
    <message>
        <source>read any file and list any directory regardless of permissions</source>
        <translation>jede Datei lesen und jedes Verzeichnis auflisten, ungeachtet der Rechte</translation>
    </message>
    <message>
        <source>act as the owner of any file (change its mode, attributes, capabilities)</source>
        <translation>als Eigentümer jeder Datei handeln (Modus, Attribute, Capabilities ändern)</translation>
    </message>
    <message>
        <source>keep set-user-ID and set-group-ID bits when changing files</source>
        <translation>Set-User-ID- und Set-Group-ID-Bits beim Ändern von Dateien behalten</translation>
    </message>
    <message>
        <source>send signals to any process</source>
        <translation>jedem Prozess Signale senden</translation>
    </message>
    <message>
        <source>change to any group id</source>
        <translation>zu jeder Gruppen-ID wechseln</translation>
    </message>
    <message>
        <source>change to any user id, root included</source>
        <translation>zu jeder Benutzer-ID wechseln, auch zu root</translation>
    </message>
    <message>
        <source>change its own and other processes&apos; capability sets</source>
        <translation>die eigenen Capabilities und die anderer Prozesse ändern</translation>
    </message>
    <message>
        <source>set the immutable and append-only file attributes</source>
        <translation>die Dateiattribute „unveränderlich“ und „nur anhängen“ setzen</translation>
    </message>
    <message>
        <source>listen on ports below 1024</source>
        <translation>auf Ports unter 1024 lauschen</translation>
    </message>
    <message>
        <source>send broadcasts and listen to multicasts</source>
        <translation>Broadcasts senden und Multicasts empfangen</translation>
    </message>
    <message>
        <source>configure network interfaces, routes, firewall rules</source>
        <translation>Netzwerkschnittstellen, Routen und Firewall-Regeln konfigurieren</translation>
    </message>
    <message>
        <source>use raw and packet sockets (ping, packet capture)</source>
        <translation>Raw- und Paket-Sockets verwenden (Ping, Paketmitschnitt)</translation>
    </message>
    <message>
        <source>lock memory so it is never swapped out</source>
        <translation>Speicher sperren, damit er nie ausgelagert wird</translation>
    </message>
    <message>
        <source>bypass permission checks on System V IPC objects</source>
        <translation>Rechteprüfungen bei System-V-IPC-Objekten umgehen</translation>
    </message>
    <message>
        <source>load and unload kernel modules</source>
        <translation>Kernelmodule laden und entladen</translation>
    </message>
    <message>
        <source>raw access to I/O ports, memory and block devices</source>
        <translation>direkter Zugriff auf E/A-Ports, Speicher und Blockgeräte</translation>
    </message>
    <message>
        <source>change the root directory</source>
        <translation>das Wurzelverzeichnis wechseln</translation>
    </message>
    <message>
        <source>trace and inspect any process, read its memory</source>
        <translation>jeden Prozess verfolgen und untersuchen, seinen Speicher lesen</translation>
    </message>
    <message>
        <source>switch process accounting on and off</source>
        <translation>die Prozessabrechnung ein- und ausschalten</translation>
    </message>
    <message>
        <source>a great many administrative operations: mount, namespaces, and more</source>
        <translation>sehr viele Verwaltungsoperationen: Einhängen, Namensräume und mehr</translation>
    </message>
    <message>
        <source>reboot the machine or load a new kernel</source>
        <translation>die Maschine neu starten oder einen neuen Kernel laden</translation>
    </message>
    <message>
        <source>raise priorities and set real-time scheduling of any process</source>
        <translation>Prioritäten erhöhen und Echtzeit-Scheduling für jeden Prozess setzen</translation>
    </message>
    <message>
        <source>override resource limits and quotas</source>
        <translation>Ressourcengrenzen und Quoten übergehen</translation>
    </message>
    <message>
        <source>set the system clock</source>
        <translation>die Systemuhr stellen</translation>
    </message>
    <message>
        <source>configure terminals (vhangup and more)</source>
        <translation>Terminals konfigurieren (vhangup und mehr)</translation>
    </message>
    <message>
        <source>create device files</source>
        <translation>Gerätedateien anlegen</translation>
    </message>
    <message>
        <source>take file leases on files it does not own</source>
        <translation>Leases auf fremde Dateien nehmen</translation>
    </message>
    <message>
        <source>write records to the kernel audit log</source>
        <translation>Einträge in das Audit-Protokoll des Kernels schreiben</translation>
    </message>
    <message>
        <source>configure kernel auditing</source>
        <translation>das Kernel-Auditing konfigurieren</translation>
    </message>
    <message>
        <source>set file capabilities on any file</source>
        <translation>Datei-Capabilities auf jeder Datei setzen</translation>
    </message>
    <message>
        <source>override mandatory access control (Smack)</source>
        <translation>die verpflichtende Zugriffskontrolle (Smack) übergehen</translation>
    </message>
    <message>
        <source>configure mandatory access control (Smack)</source>
        <translation>die verpflichtende Zugriffskontrolle (Smack) konfigurieren</translation>
    </message>
    <message>
        <source>read and clear the kernel log, see kernel addresses</source>
        <translation>das Kernelprotokoll lesen und leeren, Kerneladressen sehen</translation>
    </message>
    <message>
        <source>set alarms that wake the system</source>
        <translation>Wecker stellen, die das System aufwecken</translation>
    </message>
    <message>
        <source>keep the system from suspending</source>
        <translation>das System am Ruhezustand hindern</translation>
    </message>
    <message>
        <source>read the kernel audit log</source>
        <translation>das Audit-Protokoll des Kernels lesen</translation>
    </message>
    <message>
        <source>use performance monitoring and tracing</source>
        <translation>Leistungsüberwachung und Tracing nutzen</translation>
    </message>
    <message>
        <source>load BPF programs and maps</source>
        <translation>BPF-Programme und -Maps laden</translation>
    </message>
    <message>
        <source>checkpoint and restore processes</source>
        <translation>Prozesse sichern und wiederherstellen (Checkpoint/Restore)</translation>
    </message>
    <message>
        <source>Spengler 2011: equal to root</source>
        <translation>Spengler 2011: gleichwertig mit root</translation>
    </message>
    <message>
        <source>Spengler 2011: very likely leads to root</source>
        <translation>Spengler 2011: führt sehr wahrscheinlich zu root</translation>
    </message>
    <message>
        <source>split from CAP_SYS_ADMIN (capabilities(7)); kernel-wide reach</source>
        <translation>von CAP_SYS_ADMIN abgespalten (capabilities(7)); wirkt auf den ganzen Kernel</translation>
    </message>
    <message>
        <source>Spengler 2011: equal to root (situational)</source>
        <translation>Spengler 2011: gleichwertig mit root (je nach Lage)</translation>
    </message>
    <message>
        <source>capabilities(7): undermines audit logs kept append-only</source>
        <translation>capabilities(7): untergräbt Audit-Protokolle, die nur angehängt werden dürfen</translation>
    </message>
    <message>
        <source>capabilities(7): binds privileged ports only</source>
        <translation>capabilities(7): bindet nur privilegierte Ports</translation>
    </message>
    <message>
        <source>capabilities(7): unused by the kernel</source>
        <translation>capabilities(7): vom Kernel nicht verwendet</translation>
    </message>
    <message>
        <source>Spengler 2011: very likely leads to root (spoofing, sniffing local traffic)</source>
        <translation>Spengler 2011: führt sehr wahrscheinlich zu root (Fälschen, Mitschneiden des lokalen Verkehrs)</translation>
    </message>
    <message>
        <source>capabilities(7): resource use only</source>
        <translation>capabilities(7): nur Ressourcenverbrauch</translation>
    </message>
    <message>
        <source>capabilities(7): accounting only</source>
        <translation>capabilities(7): nur Abrechnung</translation>
    </message>
    <message>
        <source>capabilities(7): &quot;the new root&quot;</source>
        <translation>capabilities(7): „das neue root“</translation>
    </message>
    <message>
        <source>capabilities(7): can starve the machine</source>
        <translation>capabilities(7): kann die Maschine aushungern</translation>
    </message>
    <message>
        <source>capabilities(7): can exhaust reserved resources</source>
        <translation>capabilities(7): kann reservierte Ressourcen erschöpfen</translation>
    </message>
    <message>
        <source>capabilities(7): clock changes break TLS, logs and Kerberos</source>
        <translation>capabilities(7): Uhränderungen stören TLS, Protokolle und Kerberos</translation>
    </message>
    <message>
        <source>capabilities(7): delays other processes only</source>
        <translation>capabilities(7): verzögert nur andere Prozesse</translation>
    </message>
    <message>
        <source>capabilities(7): can add forged audit records</source>
        <translation>capabilities(7): kann gefälschte Audit-Einträge hinzufügen</translation>
    </message>
    <message>
        <source>capabilities(7): bypasses the MAC layer</source>
        <translation>capabilities(7): umgeht die MAC-Schicht</translation>
    </message>
    <message>
        <source>capabilities(7): reconfigures the MAC layer</source>
        <translation>capabilities(7): konfiguriert die MAC-Schicht um</translation>
    </message>
    <message>
        <source>capabilities(7): exposes kernel addresses</source>
        <translation>capabilities(7): legt Kerneladressen offen</translation>
    </message>
    <message>
        <source>capabilities(7): power only</source>
        <translation>capabilities(7): nur Energieverwaltung</translation>
    </message>
    <message>
        <source>capabilities(7): reads what every user did</source>
        <translation>capabilities(7): liest, was jeder Benutzer getan hat</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Catalog</name>
    <message>
        <source>sends and receives ARP frames on a packet socket</source>
        <translation>sendet und empfängt ARP-Frames über einen Paket-Socket</translation>
    </message>
    <message>
        <source>ARP is a link-layer protocol: only a packet socket can send it</source>
        <translation>ARP ist ein Protokoll der Sicherungsschicht: nur ein Paket-Socket kann es senden</translation>
    </message>
    <message>
        <source>ICMP probes open raw ICMP sockets</source>
        <translation>ICMP-Proben öffnen Raw-ICMP-Sockets</translation>
    </message>
    <message>
        <source>ICMP probes are configured and ping_group_range does not admit its group</source>
        <translation>ICMP-Proben sind konfiguriert und ping_group_range lässt seine Gruppe nicht zu</translation>
    </message>
    <message>
        <source>serves /probe and /metrics, default :9115</source>
        <translation>stellt /probe und /metrics bereit, Standard :9115</translation>
    </message>
    <message>
        <source>probes over IPv4</source>
        <translation>Proben über IPv4</translation>
    </message>
    <message>
        <source>probes over IPv6</source>
        <translation>Proben über IPv6</translation>
    </message>
    <message>
        <source>talks to the Docker daemon&apos;s socket for container names and labels</source>
        <translation>spricht mit dem Socket des Docker-Daemons, um Containernamen und Labels zu erfahren</translation>
    </message>
    <message>
        <source>reads container metadata and layer sizes</source>
        <translation>liest Container-Metadaten und Schichtgrößen</translation>
    </message>
    <message>
        <source>serves its UI and /metrics, default :8080</source>
        <translation>stellt seine Oberfläche und /metrics bereit, Standard :8080</translation>
    </message>
    <message>
        <source>watches the kernel log for OOM kills</source>
        <translation>beobachtet das Kernel-Log auf OOM-Kills</translation>
    </message>
    <message>
        <source>it asks the container runtime through its socket under /var/run (upstream mounts /var/run into the container, and the runtime&apos;s socket amounts to root) and reads every container&apos;s cgroups and the runtime&apos;s state under /var/lib/docker</source>
        <translation>es fragt die Container-Laufzeit über deren Socket unter /var/run (upstream hängt /var/run in den Container ein, und der Socket der Laufzeit kommt root gleich) und liest die cgroups jedes Containers und den Zustand der Laufzeit unter /var/lib/docker</translation>
    </message>
    <message>
        <source>adjusts the system clock (adjtimex, clock_settime)</source>
        <translation>justiert die Systemuhr (adjtimex, clock_settime)</translation>
    </message>
    <message>
        <source>serves NTP on port 123</source>
        <translation>bietet NTP auf Port 123 an</translation>
    </message>
    <message>
        <source>it serves time to others (allow directive)</source>
        <translation>es gibt anderen die Zeit (Direktive allow)</translation>
    </message>
    <message>
        <source>drift file and NTS keys</source>
        <translation>Drift-Datei und NTS-Schlüssel</translation>
    </message>
    <message>
        <source>statistics logs</source>
        <translation>Statistik-Logs</translation>
    </message>
    <message>
        <source>PID file and command socket</source>
        <translation>PID-Datei und Befehls-Socket</translation>
    </message>
    <message>
        <source>NTP server port</source>
        <translation>NTP-Server-Port</translation>
    </message>
    <message>
        <source>chronyc command port on localhost</source>
        <translation>chronyc-Befehlsport auf localhost</translation>
    </message>
    <message>
        <source>chronyc is to reach it over UDP; chronyc uses the Unix socket /run/chrony/chronyd.sock first, and Debian&apos;s chronyd-restricted.service runs without CAP_NET_BIND_SERVICE</source>
        <translation>chronyc soll es über UDP erreichen; chronyc nutzt zuerst den Unix-Socket /run/chrony/chronyd.sock, und Debians chronyd-restricted.service läuft ohne CAP_NET_BIND_SERVICE</translation>
    </message>
    <message>
        <source>NTP over IPv4</source>
        <translation>NTP über IPv4</translation>
    </message>
    <message>
        <source>NTP over IPv6</source>
        <translation>NTP über IPv6</translation>
    </message>
    <message>
        <source>chronyc&apos;s command socket</source>
        <translation>Befehls-Socket von chronyc</translation>
    </message>
    <message>
        <source>RTC tracking (rtcsync, rtcfile)</source>
        <translation>RTC-Nachführung (rtcsync, rtcfile)</translation>
    </message>
    <message>
        <source>RTC tracking is configured</source>
        <translation>RTC-Nachführung ist konfiguriert</translation>
    </message>
    <message>
        <source>PTP hardware clocks as reference clocks</source>
        <translation>PTP-Hardware-Uhren als Referenzuhren</translation>
    </message>
    <message>
        <source>a PHC refclock is configured</source>
        <translation>eine PHC-Referenzuhr ist konfiguriert</translation>
    </message>
    <message>
        <source>chronyd refuses to start as a non-root user (&apos;Fatal error : Not superuser&apos;) unless told that its service manager gives it the capabilities it needs</source>
        <translation>chronyd startet nicht als Benutzer außer root (&apos;Fatal error : Not superuser&apos;), außer man sagt ihm, dass sein Dienstverwalter ihm die nötigen Capabilities gibt</translation>
    </message>
    <message>
        <source>chronyd detaches from its parent by default; a Type=simple unit or a container needs it in the foreground</source>
        <translation>chronyd löst sich standardmäßig von seinem Elternprozess; eine Unit mit Type=simple oder ein Container braucht es im Vordergrund</translation>
    </message>
    <message>
        <source>the ping plugin (liboping) sends ICMP</source>
        <translation>das Plugin ping (liboping) sendet ICMP</translation>
    </message>
    <message>
        <source>the ping plugin is loaded</source>
        <translation>das Plugin ping ist geladen</translation>
    </message>
    <message>
        <source>the iptables plugin reads firewall counters through libiptc</source>
        <translation>das Plugin iptables liest Firewall-Zähler über libiptc</translation>
    </message>
    <message>
        <source>the iptables plugin is loaded</source>
        <translation>das Plugin iptables ist geladen</translation>
    </message>
    <message>
        <source>the smart plugin sends ATA commands to disks itself (libatasmart)</source>
        <translation>das Plugin smart sendet selbst ATA-Befehle an die Platten (libatasmart)</translation>
    </message>
    <message>
        <source>the smart plugin is loaded</source>
        <translation>das Plugin smart ist geladen</translation>
    </message>
    <message>
        <source>collectd forks to the background by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>collectd geht standardmäßig in den Hintergrund; Deroots eigene Unit mit Type=simple und ein Container brauchen es im Vordergrund</translation>
    </message>
    <message>
        <source>DNS interface on port 53 instead of 8600</source>
        <translation>DNS-Schnittstelle auf Port 53 statt 8600</translation>
    </message>
    <message>
        <source>ports.dns is set to 53</source>
        <translation>ports.dns ist auf 53 gesetzt</translation>
    </message>
    <message>
        <source>data_dir</source>
        <translation>data_dir</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP-API</translation>
    </message>
    <message>
        <source>server RPC</source>
        <translation>Server-RPC</translation>
    </message>
    <message>
        <source>running as a server</source>
        <translation>im Betrieb als Server</translation>
    </message>
    <message>
        <source>LAN gossip (Serf)</source>
        <translation>LAN-Gossip (Serf)</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>serves DNS on port 53</source>
        <translation>bietet DNS auf Port 53 an</translation>
    </message>
    <message>
        <source>DNS over TCP</source>
        <translation>DNS über TCP</translation>
    </message>
    <message>
        <source>the prometheus plugin&apos;s /metrics</source>
        <translation>/metrics des Plugins prometheus</translation>
    </message>
    <message>
        <source>the prometheus plugin is enabled</source>
        <translation>das Plugin prometheus ist aktiviert</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>local sockets</source>
        <translation>lokale Sockets</translation>
    </message>
    <message>
        <source>system-probe loads eBPF programs for network performance monitoring</source>
        <translation>system-probe lädt eBPF-Programme für die Überwachung der Netzleistung</translation>
    </message>
    <message>
        <source>system-probe (NPM, USM, CWS) is enabled</source>
        <translation>system-probe (NPM, USM, CWS) ist aktiviert</translation>
    </message>
    <message>
        <source>system-probe raises RLIMIT_MEMLOCK for eBPF maps</source>
        <translation>system-probe erhöht RLIMIT_MEMLOCK für eBPF-Maps</translation>
    </message>
    <message>
        <source>system-probe is enabled</source>
        <translation>system-probe ist aktiviert</translation>
    </message>
    <message>
        <source>system-probe inspects other processes</source>
        <translation>system-probe untersucht andere Prozesse</translation>
    </message>
    <message>
        <source>system-probe reads conntrack and socket state</source>
        <translation>system-probe liest den Zustand von conntrack und Sockets</translation>
    </message>
    <message>
        <source>log collection from the journal</source>
        <translation>Log-Sammlung aus dem Journal</translation>
    </message>
    <message>
        <source>journald log collection is configured</source>
        <translation>die Log-Sammlung aus journald ist konfiguriert</translation>
    </message>
    <message>
        <source>log collection from /var/log</source>
        <translation>Log-Sammlung aus /var/log</translation>
    </message>
    <message>
        <source>file log collection of system logs is configured</source>
        <translation>die Sammlung der System-Logs aus Dateien ist konfiguriert</translation>
    </message>
    <message>
        <source>the core agent&apos;s command API on localhost</source>
        <translation>die Befehls-API des Kern-Agenten auf localhost</translation>
    </message>
    <message>
        <source>DogStatsD</source>
        <translation>DogStatsD</translation>
    </message>
    <message>
        <source>opens packet sockets to capture</source>
        <translation>öffnet Paket-Sockets zum Mitschneiden</translation>
    </message>
    <message>
        <source>granted by Debian with CAP_NET_RAW; libpcap needs it for some interface settings (monitor mode, time-stamp types)</source>
        <translation>von Debian zusammen mit CAP_NET_RAW gewährt; libpcap braucht sie für manche Schnittstelleneinstellungen (Monitor-Modus, Zeitstempeltypen)</translation>
    </message>
    <message>
        <source>Debian limits execution of the capability-holding dumpcap to this group</source>
        <translation>Debian beschränkt das Ausführen des dumpcap mit Capabilities auf diese Gruppe</translation>
    </message>
    <message>
        <source>libpcap captures through packet sockets on Linux</source>
        <translation>libpcap schneidet unter Linux über Paket-Sockets mit</translation>
    </message>
    <message>
        <source>loads eBPF programs and creates maps (bpf(2))</source>
        <translation>lädt eBPF-Programme und legt Maps an (bpf(2))</translation>
    </message>
    <message>
        <source>attaches tracing programs to kprobes, tracepoints and perf events</source>
        <translation>hängt Tracing-Programme an kprobes, Tracepoints und perf-Ereignisse</translation>
    </message>
    <message>
        <source>kernels before 5.8 have neither CAP_BPF nor CAP_PERFMON; both operations then need it</source>
        <translation>Kernel vor 5.8 haben weder CAP_BPF noch CAP_PERFMON; beide Vorgänge brauchen dann sie</translation>
    </message>
    <message>
        <source>the kernel is older than 5.8</source>
        <translation>der Kernel ist älter als 5.8</translation>
    </message>
    <message>
        <source>tracepoint ids live in tracefs, readable by root only</source>
        <translation>Tracepoint-IDs liegen in tracefs, das nur root lesen kann</translation>
    </message>
    <message>
        <source>programs attach to tracepoints</source>
        <translation>Programme hängen sich an Tracepoints</translation>
    </message>
    <message>
        <source>serves /metrics, default :9435</source>
        <translation>stellt /metrics bereit, Standard :9435</translation>
    </message>
    <message>
        <source>it loads eBPF programs into the host&apos;s kernel with CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN: they act on the whole kernel, so a container confines nothing and only hides the tracing file systems it reads</source>
        <translation>es lädt eBPF-Programme mit CAP_BPF, CAP_PERFMON und CAP_SYS_ADMIN in den Kernel des Hosts: sie wirken auf den ganzen Kernel, also beschränkt ein Container nichts und verbirgt nur die Tracing-Dateisysteme, die es liest</translation>
    </message>
    <message>
        <source>loads the modern eBPF probe</source>
        <translation>lädt die moderne eBPF-Probe</translation>
    </message>
    <message>
        <source>modern eBPF driver</source>
        <translation>moderner eBPF-Treiber</translation>
    </message>
    <message>
        <source>attaches the probe&apos;s programs and reads its ring buffers</source>
        <translation>hängt die Programme der Probe ein und liest ihre Ringpuffer</translation>
    </message>
    <message>
        <source>reads /proc/PID/environ of every process to build its state</source>
        <translation>liest /proc/PID/environ jedes Prozesses, um seinen Zustand aufzubauen</translation>
    </message>
    <message>
        <source>raises RLIMIT_MEMLOCK for eBPF maps on kernels before 5.11</source>
        <translation>erhöht RLIMIT_MEMLOCK für eBPF-Maps auf Kerneln vor 5.11</translation>
    </message>
    <message>
        <source>the kernel is older than 5.11</source>
        <translation>der Kernel ist älter als 5.11</translation>
    </message>
    <message>
        <source>it watches every system call of the host from the kernel (a modern eBPF probe or a kernel module): a container must share the host&apos;s PID namespace, see its /proc, /etc and /boot and keep CAP_BPF, CAP_PERFMON and CAP_SYS_PTRACE (the module needs privileged mode), so it confines little of what Falco reaches</source>
        <translation>es beobachtet jeden Systemaufruf des Hosts aus dem Kernel (eine moderne eBPF-Probe oder ein Kernelmodul): ein Container muss den PID-Namensraum des Hosts teilen, dessen /proc, /etc und /boot sehen und CAP_BPF, CAP_PERFMON und CAP_SYS_PTRACE behalten (das Modul braucht den privilegierten Modus), also beschränkt er wenig von dem, was Falco erreicht</translation>
    </message>
    <message>
        <source>reads log files under /var/log</source>
        <translation>liest Log-Dateien unter /var/log</translation>
    </message>
    <message>
        <source>harvesting system logs</source>
        <translation>beim Einsammeln von System-Logs</translation>
    </message>
    <message>
        <source>the journald input reads the journal</source>
        <translation>die Eingabe journald liest das Journal</translation>
    </message>
    <message>
        <source>the journald input is configured</source>
        <translation>die Eingabe journald ist konfiguriert</translation>
    </message>
    <message>
        <source>registry of harvested offsets</source>
        <translation>Register der eingesammelten Offsets</translation>
    </message>
    <message>
        <source>the systemd input reads the journal</source>
        <translation>die Eingabe systemd liest das Journal</translation>
    </message>
    <message>
        <source>the systemd input is configured</source>
        <translation>die Eingabe systemd ist konfiguriert</translation>
    </message>
    <message>
        <source>the tail input reads log files under /var/log</source>
        <translation>die Eingabe tail liest Log-Dateien unter /var/log</translation>
    </message>
    <message>
        <source>the tail input reads system logs</source>
        <translation>die Eingabe tail liest System-Logs</translation>
    </message>
    <message>
        <source>the tail input&apos;s offset database (DB option) must be writable</source>
        <translation>die Offset-Datenbank der Eingabe tail (Option DB) muss schreibbar sein</translation>
    </message>
    <message>
        <source>DB is set</source>
        <translation>DB ist gesetzt</translation>
    </message>
    <message>
        <source>opens raw ICMP sockets to send echo requests and read the replies</source>
        <translation>öffnet Raw-ICMP-Sockets, um Echo-Anfragen zu senden und die Antworten zu lesen</translation>
    </message>
    <message>
        <source>ICMP echo over IPv4</source>
        <translation>ICMP-Echo über IPv4</translation>
    </message>
    <message>
        <source>ICMPv6 echo over IPv6</source>
        <translation>ICMPv6-Echo über IPv6</translation>
    </message>
    <message>
        <source>binds frontends below 1024</source>
        <translation>bindet Frontends unter 1024</translation>
    </message>
    <message>
        <source>a frontend binds below 1024</source>
        <translation>ein Frontend bindet unter 1024</translation>
    </message>
    <message>
        <source>transparent proxying (bind ... transparent, source ... usesrc)</source>
        <translation>transparentes Proxying (bind ... transparent, source ... usesrc)</translation>
    </message>
    <message>
        <source>transparent binding or usesrc is configured</source>
        <translation>transparentes Binden oder usesrc ist konfiguriert</translation>
    </message>
    <message>
        <source>transparent proxying on some kernels</source>
        <translation>transparentes Proxying auf manchen Kerneln</translation>
    </message>
    <message>
        <source>stats and master sockets</source>
        <translation>Statistik- und Master-Sockets</translation>
    </message>
    <message>
        <source>typical HTTP frontend</source>
        <translation>typisches HTTP-Frontend</translation>
    </message>
    <message>
        <source>configured</source>
        <translation>konfiguriert</translation>
    </message>
    <message>
        <source>typical HTTPS frontend</source>
        <translation>typisches HTTPS-Frontend</translation>
    </message>
    <message>
        <source>haproxy goes to the background by default; -db only disables background mode, for Deroot&apos;s own Type=simple unit and a container</source>
        <translation>haproxy geht standardmäßig in den Hintergrund; -db schaltet nur den Hintergrundmodus ab, für Deroots eigene Unit mit Type=simple und einen Container</translation>
    </message>
    <message>
        <source>serves /metrics, default :9290</source>
        <translation>stellt /metrics bereit, Standard :9290</translation>
    </message>
    <message>
        <source>the FreeIPMI tools talk to the local BMC through the OpenIPMI device</source>
        <translation>die FreeIPMI-Werkzeuge sprechen über das OpenIPMI-Gerät mit dem lokalen BMC</translation>
    </message>
    <message>
        <source>collecting host-local IPMI data</source>
        <translation>beim Sammeln lokaler IPMI-Daten des Hosts</translation>
    </message>
    <message>
        <source>reads sensors</source>
        <translation>liest Sensoren</translation>
    </message>
    <message>
        <source>reads power figures</source>
        <translation>liest Leistungswerte</translation>
    </message>
    <message>
        <source>reads BMC details</source>
        <translation>liest Angaben zum BMC</translation>
    </message>
    <message>
        <source>reads the chassis state</source>
        <translation>liest den Gehäusezustand</translation>
    </message>
    <message>
        <source>reads the event log</source>
        <translation>liest das Ereignisprotokoll</translation>
    </message>
    <message>
        <source>the open interface talks to the BMC through the OpenIPMI driver&apos;s device</source>
        <translation>die Schnittstelle open spricht über das Gerät des OpenIPMI-Treibers mit dem BMC</translation>
    </message>
    <message>
        <source>agents (e.g. Zabbix, Telegraf&apos;s ipmi_sensor input) run it through sudo for local sensors</source>
        <translation>Agenten (etwa Zabbix, die Eingabe ipmi_sensor von Telegraf) führen es für lokale Sensoren über sudo aus</translation>
    </message>
    <message>
        <source>adds and removes virtual addresses, configures IPVS</source>
        <translation>fügt virtuelle Adressen hinzu und entfernt sie, konfiguriert IPVS</translation>
    </message>
    <message>
        <source>VRRP and IPVS without netlink</source>
        <translation>VRRP und IPVS ohne netlink</translation>
    </message>
    <message>
        <source>VRRP</source>
        <translation>VRRP</translation>
    </message>
    <message>
        <source>notify and track scripts</source>
        <translation>Benachrichtigungs- und Überwachungsskripte</translation>
    </message>
    <message>
        <source>scripts are configured</source>
        <translation>Skripte sind konfiguriert</translation>
    </message>
    <message>
        <source>runs scripts as keepalived_script</source>
        <translation>führt Skripte als keepalived_script aus</translation>
    </message>
    <message>
        <source>scripts run as another user</source>
        <translation>Skripte laufen als anderer Benutzer</translation>
    </message>
    <message>
        <source>loads ip_vs and xt_set</source>
        <translation>lädt ip_vs und xt_set</translation>
    </message>
    <message>
        <source>the modules are not loaded at boot</source>
        <translation>die Module werden beim Booten nicht geladen</translation>
    </message>
    <message>
        <source>raises its scheduling priority</source>
        <translation>erhöht seine Scheduling-Priorität</translation>
    </message>
    <message>
        <source>realtime priority, more sockets, core size</source>
        <translation>Echtzeitpriorität, mehr Sockets, Core-Größe</translation>
    </message>
    <message>
        <source>owner and group of FIFOs</source>
        <translation>Besitzer und Gruppe von FIFOs</translation>
    </message>
    <message>
        <source>FIFOs with owners are configured</source>
        <translation>FIFOs mit Besitzern sind konfiguriert</translation>
    </message>
    <message>
        <source>VRRP and IPVS</source>
        <translation>VRRP und IPVS</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>keepalived forks into the background by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>keepalived geht standardmäßig in den Hintergrund; Deroots eigene Unit mit Type=simple und ein Container brauchen es im Vordergrund</translation>
    </message>
    <message>
        <source>sends and receives LLDP frames on packet sockets</source>
        <translation>sendet und empfängt LLDP-Frames über Paket-Sockets</translation>
    </message>
    <message>
        <source>adds multicast MAC filters to interfaces so LLDP frames arrive</source>
        <translation>fügt Schnittstellen Multicast-MAC-Filter hinzu, damit LLDP-Frames ankommen</translation>
    </message>
    <message>
        <source>LLDP frames are link-layer frames</source>
        <translation>LLDP-Frames sind Frames der Sicherungsschicht</translation>
    </message>
    <message>
        <source>tracks interfaces and addresses</source>
        <translation>verfolgt Schnittstellen und Adressen</translation>
    </message>
    <message>
        <source>lldpd daemonizes by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>lldpd wird standardmäßig zum Daemon; Deroots eigene Unit mit Type=simple und ein Container brauchen es im Vordergrund</translation>
    </message>
    <message>
        <source>sends ICMP, UDP and TCP probes with chosen TTLs through raw sockets</source>
        <translation>sendet ICMP-, UDP- und TCP-Proben mit gewählten TTLs über Raw-Sockets</translation>
    </message>
    <message>
        <source>apps.plugin reads /proc/PID/io and fd of every process</source>
        <translation>apps.plugin liest /proc/PID/io und fd jedes Prozesses</translation>
    </message>
    <message>
        <source>the target is apps.plugin (the daemon itself needs no capability)</source>
        <translation>das Ziel ist apps.plugin (der Daemon selbst braucht keine Capability)</translation>
    </message>
    <message>
        <source>apps.plugin reads other users&apos; /proc entries</source>
        <translation>apps.plugin liest /proc-Einträge anderer Benutzer</translation>
    </message>
    <message>
        <source>go.d.plugin&apos;s ping collector</source>
        <translation>der Kollektor ping von go.d.plugin</translation>
    </message>
    <message>
        <source>the target is go.d.plugin and its ping collector is enabled</source>
        <translation>das Ziel ist go.d.plugin und sein Kollektor ping ist aktiviert</translation>
    </message>
    <message>
        <source>go.d.plugin&apos;s WireGuard collector</source>
        <translation>der WireGuard-Kollektor von go.d.plugin</translation>
    </message>
    <message>
        <source>the target is go.d.plugin and its wireguard collector is enabled</source>
        <translation>das Ziel ist go.d.plugin und sein Kollektor wireguard ist aktiviert</translation>
    </message>
    <message>
        <source>dashboard and API, default 19999</source>
        <translation>Dashboard und API, Standard 19999</translation>
    </message>
    <message>
        <source>listens on ports 80 and 443</source>
        <translation>lauscht auf den Ports 80 und 443</translation>
    </message>
    <message>
        <source>it listens below 1024</source>
        <translation>es lauscht unter 1024</translation>
    </message>
    <message>
        <source>Debian&apos;s ssl-cert group may read /etc/ssl/private</source>
        <translation>Debians Gruppe ssl-cert darf /etc/ssl/private lesen</translation>
    </message>
    <message>
        <source>TLS keys live in /etc/ssl/private</source>
        <translation>TLS-Schlüssel liegen in /etc/ssl/private</translation>
    </message>
    <message>
        <source>TLS private keys</source>
        <translation>private TLS-Schlüssel</translation>
    </message>
    <message>
        <source>TLS keys live there (mode 0710 root:ssl-cert on Debian)</source>
        <translation>TLS-Schlüssel liegen dort (Modus 0710 root:ssl-cert unter Debian)</translation>
    </message>
    <message>
        <source>access and error logs</source>
        <translation>Zugriffs- und Fehler-Logs</translation>
    </message>
    <message>
        <source>PID file</source>
        <translation>PID-Datei</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>TLS is configured</source>
        <translation>TLS ist konfiguriert</translation>
    </message>
    <message>
        <source>reads /sys/class/powercap/*/energy_uj, which the kernel makes readable by root only</source>
        <translation>liest /sys/class/powercap/*/energy_uj, das der Kernel nur für root lesbar macht</translation>
    </message>
    <message>
        <source>the rapl collector is enabled</source>
        <translation>der Kollektor rapl ist aktiviert</translation>
    </message>
    <message>
        <source>opens hardware and software perf counters for other processes</source>
        <translation>öffnet Hardware- und Software-perf-Zähler für andere Prozesse</translation>
    </message>
    <message>
        <source>the perf collector is enabled</source>
        <translation>der Kollektor perf ist aktiviert</translation>
    </message>
    <message>
        <source>serves /metrics on --web.listen-address, default :9100</source>
        <translation>stellt /metrics auf --web.listen-address bereit, Standard :9100</translation>
    </message>
    <message>
        <source>it measures the host, whose network interfaces, processes and file systems a container&apos;s own namespaces hide: upstream&apos;s Docker instructions share the host&apos;s network and PID namespaces and mount the host&apos;s / read-only at /host, with --path.rootfs=/host</source>
        <translation>es misst den Host, dessen Netzschnittstellen, Prozesse und Dateisysteme die eigenen Namensräume eines Containers verbergen: die Docker-Anleitung des Projekts teilt die Netz- und PID-Namensräume des Hosts und hängt dessen / schreibgeschützt unter /host ein, mit --path.rootfs=/host</translation>
    </message>
    <message>
        <source>the udev rule gives this group access to UPS USB devices</source>
        <translation>die udev-Regel gibt dieser Gruppe Zugriff auf USB-Geräte von USVs</translation>
    </message>
    <message>
        <source>serial ports are group dialout on Debian</source>
        <translation>serielle Schnittstellen gehören unter Debian der Gruppe dialout</translation>
    </message>
    <message>
        <source>a serial UPS is used</source>
        <translation>eine serielle USV wird verwendet</translation>
    </message>
    <message>
        <source>upsd serves UPS data to upsmon and clients</source>
        <translation>upsd liefert USV-Daten an upsmon und Clients</translation>
    </message>
    <message>
        <source>USB UPS drivers open the UPS&apos;s USB device, made group nut by udev</source>
        <translation>USB-USV-Treiber öffnen das USB-Gerät der USV, das udev der Gruppe nut gibt</translation>
    </message>
    <message>
        <source>serial UPS drivers open the serial port</source>
        <translation>Treiber serieller USVs öffnen die serielle Schnittstelle</translation>
    </message>
    <message>
        <source>upsmon&apos;s SHUTDOWNCMD powers the machine off on low battery; upsmon keeps a root parent for this</source>
        <translation>das SHUTDOWNCMD von upsmon schaltet die Maschine bei schwachem Akku aus; upsmon behält dafür einen Elternprozess als root</translation>
    </message>
    <message>
        <source>configures the kernel audit subsystem for process and socket events</source>
        <translation>konfiguriert das Audit-Subsystem des Kernels für Prozess- und Socket-Ereignisse</translation>
    </message>
    <message>
        <source>audit-based event tables are enabled</source>
        <translation>Ereignistabellen auf Audit-Basis sind aktiviert</translation>
    </message>
    <message>
        <source>reads the audit multicast netlink socket</source>
        <translation>liest den Audit-Multicast-netlink-Socket</translation>
    </message>
    <message>
        <source>many tables read files only root may read</source>
        <translation>viele Tabellen lesen Dateien, die nur root lesen darf</translation>
    </message>
    <message>
        <source>the audit subsystem is reached through netlink</source>
        <translation>das Audit-Subsystem wird über netlink erreicht</translation>
    </message>
    <message>
        <source>opens a raw ICMP socket when unprivileged ICMP datagram sockets are not allowed for its group</source>
        <translation>öffnet einen Raw-ICMP-Socket, wenn unprivilegierte ICMP-Datagramm-Sockets für seine Gruppe nicht erlaubt sind</translation>
    </message>
    <message>
        <source>net.ipv4.ping_group_range does not admit the caller&apos;s group, or raw-socket options are used</source>
        <translation>net.ipv4.ping_group_range lässt die Gruppe des Aufrufers nicht zu, oder Optionen für Raw-Sockets werden genutzt</translation>
    </message>
    <message>
        <source>/proc/PID/io of other users&apos; processes is governed by a ptrace access check (PTRACE_MODE_READ_FSCREDS)</source>
        <translation>/proc/PID/io der Prozesse anderer Benutzer unterliegt einer ptrace-Zugriffsprüfung (PTRACE_MODE_READ_FSCREDS)</translation>
    </message>
    <message>
        <source>I/O metrics of processes of other users are wanted</source>
        <translation>I/O-Metriken der Prozesse anderer Benutzer sind gewünscht</translation>
    </message>
    <message>
        <source>serves /metrics, default :9256</source>
        <translation>stellt /metrics bereit, Standard :9256</translation>
    </message>
    <message>
        <source>it reads every process of the host from /proc, which shows only the container&apos;s own processes without the host&apos;s PID namespace (upstream&apos;s example mounts the host&apos;s /proc instead and runs privileged)</source>
        <translation>es liest jeden Prozess des Hosts aus /proc, das ohne den PID-Namensraum des Hosts nur die eigenen Prozesse des Containers zeigt (das Beispiel des Projekts hängt stattdessen /proc des Hosts ein und läuft privilegiert)</translation>
    </message>
    <message>
        <source>the journal scrape config reads the journal</source>
        <translation>die Scrape-Konfiguration journal liest das Journal</translation>
    </message>
    <message>
        <source>journal scraping is configured</source>
        <translation>das Auslesen des Journals ist konfiguriert</translation>
    </message>
    <message>
        <source>scraping system logs</source>
        <translation>beim Auslesen von System-Logs</translation>
    </message>
    <message>
        <source>positions file</source>
        <translation>Positionsdatei</translation>
    </message>
    <message>
        <source>HTTP server (metrics, targets)</source>
        <translation>HTTP-Server (Metriken, Ziele)</translation>
    </message>
    <message>
        <source>as in the example configuration</source>
        <translation>wie in der Beispielkonfiguration</translation>
    </message>
    <message>
        <source>ATA and SCSI pass-through (SG_IO) to SATA and SAS disks</source>
        <translation>ATA- und SCSI-Durchreichung (SG_IO) an SATA- und SAS-Platten</translation>
    </message>
    <message>
        <source>NVMe admin pass-through commands</source>
        <translation>durchgereichte NVMe-Admin-Befehle</translation>
    </message>
    <message>
        <source>NVMe devices are queried</source>
        <translation>NVMe-Geräte werden abgefragt</translation>
    </message>
    <message>
        <source>read-write access to block devices lets it open disks without CAP_DAC_OVERRIDE</source>
        <translation>Lese- und Schreibzugriff auf Blockgeräte lässt es Platten ohne CAP_DAC_OVERRIDE öffnen</translation>
    </message>
    <message>
        <source>opens the disks</source>
        <translation>öffnet die Platten</translation>
    </message>
    <message>
        <source>opens NVMe controllers</source>
        <translation>öffnet NVMe-Controller</translation>
    </message>
    <message>
        <source>smartctl&apos;s ATA and SCSI pass-through (SG_IO) to SATA and SAS disks</source>
        <translation>ATA- und SCSI-Durchreichung (SG_IO) von smartctl an SATA- und SAS-Platten</translation>
    </message>
    <message>
        <source>NVMe admin pass-through commands (NVME_IOCTL_ADMIN_CMD) require it</source>
        <translation>durchgereichte NVMe-Admin-Befehle (NVME_IOCTL_ADMIN_CMD) brauchen sie</translation>
    </message>
    <message>
        <source>NVMe devices are monitored</source>
        <translation>NVMe-Geräte werden überwacht</translation>
    </message>
    <message>
        <source>serves /metrics, default :9633</source>
        <translation>stellt /metrics bereit, Standard :9633</translation>
    </message>
    <message>
        <source>opens the SATA/SAS disks it reports on</source>
        <translation>öffnet die SATA-/SAS-Platten, über die es berichtet</translation>
    </message>
    <message>
        <source>opens the NVMe controllers it reports on</source>
        <translation>öffnet die NVMe-Controller, über die es berichtet</translation>
    </message>
    <message>
        <source>serves /snmp and /metrics, default :9116</source>
        <translation>stellt /snmp und /metrics bereit, Standard :9116</translation>
    </message>
    <message>
        <source>listens on UDP port 161</source>
        <translation>lauscht auf UDP-Port 161</translation>
    </message>
    <message>
        <source>SNMP agent port</source>
        <translation>SNMP-Agent-Port</translation>
    </message>
    <message>
        <source>snmpd detaches from its parent by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>snmpd löst sich standardmäßig von seinem Elternprozess; Deroots eigene Unit mit Type=simple und ein Container brauchen es im Vordergrund</translation>
    </message>
    <message>
        <source>opens packet sockets through libpcap to capture traffic</source>
        <translation>öffnet über libpcap Paket-Sockets, um Verkehr mitzuschneiden</translation>
    </message>
    <message>
        <source>sets the time-stamp type of an interface (-j)</source>
        <translation>setzt den Zeitstempeltyp einer Schnittstelle (-j)</translation>
    </message>
    <message>
        <source>-j is used</source>
        <translation>-j wird genutzt</translation>
    </message>
    <message>
        <source>the ping input in native mode sends ICMP itself</source>
        <translation>die Eingabe ping sendet im nativen Modus selbst ICMP</translation>
    </message>
    <message>
        <source>inputs.ping with method = &quot;native&quot;</source>
        <translation>inputs.ping mit method = &quot;native&quot;</translation>
    </message>
    <message>
        <source>reading the journal</source>
        <translation>beim Lesen des Journals</translation>
    </message>
    <message>
        <source>a journal input is configured</source>
        <translation>eine Journal-Eingabe ist konfiguriert</translation>
    </message>
    <message>
        <source>reading log files under /var/log</source>
        <translation>beim Lesen von Log-Dateien unter /var/log</translation>
    </message>
    <message>
        <source>inputs.tail or inputs.logparser read system logs</source>
        <translation>inputs.tail oder inputs.logparser lesen System-Logs</translation>
    </message>
    <message>
        <source>the smart input lists devices through sudo (use_sudo = true)</source>
        <translation>die Eingabe smart listet Geräte über sudo auf (use_sudo = true)</translation>
    </message>
    <message>
        <source>inputs.smart with use_sudo</source>
        <translation>inputs.smart mit use_sudo</translation>
    </message>
    <message>
        <source>the smart input reads each device through sudo (use_sudo = true)</source>
        <translation>die Eingabe smart liest jedes Gerät über sudo (use_sudo = true)</translation>
    </message>
    <message>
        <source>the smart input runs nvme-cli for NVMe vendor attributes through sudo</source>
        <translation>die Eingabe smart führt nvme-cli für herstellerspezifische NVMe-Attribute über sudo aus</translation>
    </message>
    <message>
        <source>inputs.smart with NVMe extensions and use_sudo</source>
        <translation>inputs.smart mit NVMe-Erweiterungen und use_sudo</translation>
    </message>
    <message>
        <source>the journald source runs journalctl</source>
        <translation>die Quelle journald führt journalctl aus</translation>
    </message>
    <message>
        <source>the journald source is configured</source>
        <translation>die Quelle journald ist konfiguriert</translation>
    </message>
    <message>
        <source>the file source reads log files under /var/log</source>
        <translation>die Quelle file liest Log-Dateien unter /var/log</translation>
    </message>
    <message>
        <source>the file source reads system logs</source>
        <translation>die Quelle file liest System-Logs</translation>
    </message>
    <message>
        <source>the docker_logs source talks to the Docker daemon</source>
        <translation>die Quelle docker_logs spricht mit dem Docker-Daemon</translation>
    </message>
    <message>
        <source>the docker_logs source is configured</source>
        <translation>die Quelle docker_logs ist konfiguriert</translation>
    </message>
    <message>
        <source>data_dir: checkpoints and disk buffers</source>
        <translation>data_dir: Checkpoints und Plattenpuffer</translation>
    </message>
    <message>
        <source>the API, when enabled</source>
        <translation>die API, wenn aktiviert</translation>
    </message>
    <message>
        <source>api.enabled = true</source>
        <translation>api.enabled = true</translation>
    </message>
    <message>
        <source>the Docker plugin talks to the Docker daemon&apos;s socket</source>
        <translation>das Docker-Plugin spricht mit dem Socket des Docker-Daemons</translation>
    </message>
    <message>
        <source>the Docker plugin is used</source>
        <translation>das Docker-Plugin wird genutzt</translation>
    </message>
    <message>
        <source>passive checks</source>
        <translation>passive Prüfungen</translation>
    </message>
    <message>
        <source>the SMART plugin runs smartctl, usually through sudo</source>
        <translation>das SMART-Plugin führt smartctl aus, meist über sudo</translation>
    </message>
    <message>
        <source>the SMART plugin is used</source>
        <translation>das SMART-Plugin wird genutzt</translation>
    </message>
    <message>
        <source>log[] and logrt[] items read files under /var/log</source>
        <translation>log[]- und logrt[]-Items lesen Dateien unter /var/log</translation>
    </message>
    <message>
        <source>log items on system logs are configured</source>
        <translation>Log-Items auf System-Logs sind konfiguriert</translation>
    </message>
    <message>
        <source>passive checks: the server connects to the agent</source>
        <translation>passive Prüfungen: der Server verbindet sich mit dem Agenten</translation>
    </message>
    <message>
        <source>SMART items through UserParameter and sudo</source>
        <translation>SMART-Items über UserParameter und sudo</translation>
    </message>
    <message>
        <source>SMART user parameters are configured</source>
        <translation>SMART-UserParameter sind konfiguriert</translation>
    </message>
    <message>
        <source>zabbix_agentd daemonizes by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>zabbix_agentd wird standardmäßig zum Daemon; Deroots eigene Unit mit Type=simple und ein Container brauchen es im Vordergrund</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Conflict</name>
    <message>
        <source>The arguments the agent passes to %1 are not known, so the sudo rule allows them with no arguments at all: every call with arguments is refused (&quot;command not allowed&quot; in the journal) and the agent&apos;s data is silently missing.</source>
        <translation>Die Argumente, die der Agent an %1 übergibt, sind nicht bekannt, daher erlaubt die sudo-Regel nur den Aufruf ganz ohne Argumente: Jeder Aufruf mit Argumenten wird abgewiesen („command not allowed“ im Journal), und die Daten des Agenten fehlen stillschweigend.</translation>
    </message>
    <message>
        <source>Add the exact arguments the agent passes (its documentation, or `journalctl _COMM=sudo` after a run) to each command; never a bare wildcard.</source>
        <translation>Tragen Sie bei jedem Befehl die genauen Argumente ein, die der Agent übergibt (aus seiner Dokumentation oder `journalctl _COMM=sudo` nach einem Lauf); nie einen bloßen Platzhalter.</translation>
    </message>
    <message>
        <source>%1 sets DynamicUser=yes, which implies NoNewPrivileges=yes, while the agent calls sudo: sudo cannot raise privileges and every sudo command fails.</source>
        <translation>%1 setzt DynamicUser=yes, was NoNewPrivileges=yes einschließt, während der Agent sudo aufruft: sudo kann keine Rechte erhöhen, und jeder sudo-Befehl scheitert.</translation>
    </message>
    <message>
        <source>Use a real system user (DynamicUser=no) and the sudo-compatible unit, or replace the sudo rule by a capability in the unit.</source>
        <translation>Verwenden Sie einen echten Systembenutzer (DynamicUser=no) und die sudo-taugliche Unit, oder ersetzen Sie die sudo-Regel durch eine Capability in der Unit.</translation>
    </message>
    <message>
        <source>%1 sets %2 while the agent calls sudo: the set-user-ID sudo cannot raise privileges, so every sudo command fails (seen with telegraf&apos;s smart plugin).</source>
        <translation>%1 setzt %2, während der Agent sudo aufruft: Das set-user-ID-Programm sudo kann keine Rechte erhöhen, also scheitert jeder sudo-Befehl (beobachtet beim smart-Plugin von telegraf).</translation>
    </message>
    <message>
        <source>For a sudo plan leave NoNewPrivileges= and every setting that implies it out of the unit, and accept the higher exposure score; or replace the sudo rule by a capability in the unit.</source>
        <translation>Lassen Sie für einen sudo-Plan NoNewPrivileges= und jede Einstellung, die es einschließt, aus der Unit weg und nehmen Sie den höheren Expositionswert hin; oder ersetzen Sie die sudo-Regel durch eine Capability in der Unit.</translation>
    </message>
    <message>
        <source>%1 narrows CapabilityBoundingSet= while the agent calls sudo: even as root the sudo command cannot get what the bounding set removed (CAP_SETUID, CAP_SETGID for sudo itself, CAP_SYS_RAWIO for smartctl, ...), so it fails.</source>
        <translation>%1 schränkt CapabilityBoundingSet= ein, während der Agent sudo aufruft: Selbst als root bekommt der sudo-Befehl nicht, was die Bounding-Menge entfernt hat (CAP_SETUID, CAP_SETGID für sudo selbst, CAP_SYS_RAWIO für smartctl, …), also scheitert er.</translation>
    </message>
    <message>
        <source>Leave CapabilityBoundingSet= out of a unit whose agent uses sudo.</source>
        <translation>Lassen Sie CapabilityBoundingSet= aus einer Unit weg, deren Agent sudo nutzt.</translation>
    </message>
    <message>
        <source>%1 sets %2 and the plan gives %3 file capabilities: under no_new_privs the kernel silently does not grant them, so the agent runs without %4.</source>
        <translation>%1 setzt %2, und der Plan gibt %3 Datei-Capabilities: Unter no_new_privs gewährt der Kernel sie stillschweigend nicht, also läuft der Agent ohne %4.</translation>
    </message>
    <message>
        <source>Grant the capabilities through AmbientCapabilities= with an equal CapabilityBoundingSet= in the unit instead of setcap (Deroot&apos;s generated unit does).</source>
        <translation>Gewähren Sie die Capabilities statt mit setcap über AmbientCapabilities= mit gleichem CapabilityBoundingSet= in der Unit (Deroots erzeugte Unit tut das).</translation>
    </message>
    <message>
        <source>%1 has the file capabilities %2 with the effective bit, but the bounding set of %3 lacks %4: execve() fails with EPERM and the service does not start.</source>
        <translation>%1 hat die Datei-Capabilities %2 mit dem Effective-Bit, aber der Bounding-Menge von %3 fehlt %4: execve() scheitert mit EPERM, und der Dienst startet nicht.</translation>
    </message>
    <message>
        <source>Remove the file capabilities (setcap -r) and grant them through AmbientCapabilities=, or add them to CapabilityBoundingSet=.</source>
        <translation>Entfernen Sie die Datei-Capabilities (setcap -r) und gewähren Sie sie über AmbientCapabilities=, oder nehmen Sie sie in CapabilityBoundingSet= auf.</translation>
    </message>
    <message>
        <source>%1 sets Group=%2 without SupplementaryGroups=%3: the agent runs without the groups it reads its logs through and fails silently.</source>
        <translation>%1 setzt Group=%2 ohne SupplementaryGroups=%3: Der Agent läuft ohne die Gruppen, über die er seine Protokolle liest, und scheitert stillschweigend.</translation>
    </message>
    <message>
        <source>Add SupplementaryGroups=%1 to the unit.</source>
        <translation>Fügen Sie der Unit SupplementaryGroups=%1 hinzu.</translation>
    </message>
    <message>
        <source>%1 belongs to the package %2: every upgrade replaces the file and with it the file capabilities %3, so the agent silently loses them.</source>
        <translation>%1 gehört zum Paket %2: Jedes Upgrade ersetzt die Datei und mit ihr die Datei-Capabilities %3, also verliert der Agent sie stillschweigend.</translation>
    </message>
    <message>
        <source>Prefer the systemd unit&apos;s AmbientCapabilities=, which upgrades keep; otherwise re-run setcap after each upgrade (a DPkg::Post-Invoke hook) and check with getcap.</source>
        <translation>Nutzen Sie lieber AmbientCapabilities= der systemd-Unit, das Upgrades überdauert; sonst führen Sie setcap nach jedem Upgrade erneut aus (ein DPkg::Post-Invoke-Hook) und prüfen mit getcap.</translation>
    </message>
    <message>
        <source>Re-run setcap after each upgrade (a DPkg::Post-Invoke hook) and check with getcap.</source>
        <translation>Führen Sie setcap nach jedem Upgrade erneut aus (ein DPkg::Post-Invoke-Hook) und prüfen Sie mit getcap.</translation>
    </message>
    <message>
        <source>%1 runs as non-root and adds %2: Kubernetes has no ambient capabilities, so the added ones stay in the bounding set and the agent has none of them (allowPrivilegeEscalation: false also blocks file capabilities); the restricted profile allows adding only NET_BIND_SERVICE anyway.</source>
        <translation>%1 läuft nicht als root und fügt %2 hinzu: Kubernetes kennt keine Ambient-Capabilities, also bleiben die hinzugefügten in der Bounding-Menge, und der Agent hat keine davon (allowPrivilegeEscalation: false sperrt auch Datei-Capabilities); das Profil restricted erlaubt ohnehin nur NET_BIND_SERVICE.</translation>
    </message>
    <message>
        <source>Run the container as root (runAsUser: 0) with capabilities drop ALL and only the needed add, and accept the baseline or privileged profile, or choose a capability-free way to do the job.</source>
        <translation>Führen Sie den Container als root aus (runAsUser: 0) mit capabilities drop ALL und nur dem nötigen add, und nehmen Sie das Profil baseline oder privileged hin, oder wählen Sie einen Weg ohne Capabilities.</translation>
    </message>
    <message>
        <source>%1 adds %2 for a non-root --user: Docker puts them only in the bounding set, not in the effective or ambient set, so the agent has none of them and fails.</source>
        <translation>%1 fügt %2 für einen Nicht-root-Benutzer (--user) hinzu: Docker legt sie nur in die Bounding-Menge, nicht in die wirksame oder Ambient-Menge, also hat der Agent keine davon und scheitert.</translation>
    </message>
    <message>
        <source>Run as root inside the container with --cap-drop ALL, only the needed --cap-add, --read-only and no-new-privileges, and map root to an unprivileged host uid with userns-remap (or use Podman, which sets ambient capabilities).</source>
        <translation>Laufen Sie im Container als root mit --cap-drop ALL, nur dem nötigen --cap-add, --read-only und no-new-privileges, und bilden Sie root mit userns-remap auf eine unprivilegierte Host-UID ab (oder nutzen Sie Podman, das Ambient-Capabilities setzt).</translation>
    </message>
    <message>
        <source>%1 sets no-new-privileges for a non-root user and the plan gives %2 file capabilities: under no_new_privs exec does not grant them, so the agent runs without %3.</source>
        <translation>%1 setzt no-new-privileges für einen Nicht-root-Benutzer, und der Plan gibt %2 Datei-Capabilities: Unter no_new_privs gewährt exec sie nicht, also läuft der Agent ohne %3.</translation>
    </message>
    <message>
        <source>Drop the file capabilities and run as root inside the container with --cap-drop ALL and only the needed --cap-add.</source>
        <translation>Entfernen Sie die Datei-Capabilities und laufen Sie im Container als root mit --cap-drop ALL und nur dem nötigen --cap-add.</translation>
    </message>
    <message>
        <source>%1 has the file capabilities %2 with the effective bit, but the container %3 lacks %4: exec fails with EPERM and the container exits at once.</source>
        <translation>%1 hat die Datei-Capabilities %2 mit dem Effective-Bit, aber dem Container %3 fehlt %4: exec scheitert mit EPERM, und der Container endet sofort.</translation>
    </message>
    <message>
        <source>Add the capabilities with --cap-add (cap_add:), or remove the file capabilities from the image (setcap -r).</source>
        <translation>Fügen Sie die Capabilities mit --cap-add (cap_add:) hinzu, oder entfernen Sie die Datei-Capabilities aus dem Image (setcap -r).</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Drift</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 wurde entfernt.</translation>
    </message>
    <message>
        <source>%1 is readable by root alone: run derootctl status as root to compare it.</source>
        <translation>%1 ist nur für root lesbar: führen Sie derootctl status als root aus, um es zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 was changed since the apply (modified %2).</source>
        <translation>%1 wurde seit der Anwendung geändert (geändert %2).</translation>
    </message>
    <message>
        <source>%1 is as the apply wrote it.</source>
        <translation>%1 ist so, wie die Anwendung es geschrieben hat.</translation>
    </message>
    <message>
        <source>The program %1 is gone, and its capabilities with it.</source>
        <translation>Das Programm %1 ist weg, und seine Capabilities mit ihm.</translation>
    </message>
    <message>
        <source>The program %1 is another file than the one approved (its SHA-256 differs, changed %2): reconcile leaves it alone; review it and apply a new plan.</source>
        <translation>Das Programm %1 ist eine andere Datei als die genehmigte (ihre SHA-256 weicht ab, geändert %2): reconcile lässt sie in Ruhe; prüfen Sie sie und wenden Sie einen neuen Plan an.</translation>
    </message>
    <message>
        <source>The program %1 cannot be read to compare its SHA-256.</source>
        <translation>Das Programm %1 kann nicht gelesen werden, um seine SHA-256 zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 has the capabilities the apply set.</source>
        <translation>%1 hat die Capabilities, die die Anwendung gesetzt hat.</translation>
    </message>
    <message>
        <source>%1 has other capabilities than the apply set (since %2).</source>
        <translation>%1 hat andere Capabilities, als die Anwendung gesetzt hat (seit %2).</translation>
    </message>
    <message>
        <source>%1 lost the capabilities the apply set (since %2; a package upgrade or reinstall unpacks a new file without them).</source>
        <translation>%1 hat die Capabilities verloren, die die Anwendung gesetzt hat (seit %2; ein Paket-Upgrade oder eine Neuinstallation entpackt eine neue Datei ohne sie).</translation>
    </message>
    <message>
        <source>dpkg-statoverride holds %1 for it: reconcile leaves it alone (hands off).</source>
        <translation>dpkg-statoverride hält %1 dafür fest: reconcile lässt sie in Ruhe (Finger weg).</translation>
    </message>
    <message>
        <source>derootctl reconcile sets them again.</source>
        <translation>derootctl reconcile setzt sie erneut.</translation>
    </message>
    <message>
        <source>The apply was recorded without its program&apos;s SHA-256: apply the plan again to have them kept.</source>
        <translation>Die Anwendung wurde ohne die SHA-256 ihres Programms aufgezeichnet: wenden Sie den Plan erneut an, damit sie erhalten bleiben.</translation>
    </message>
    <message>
        <source>The service user %1 exists.</source>
        <translation>Der Dienstbenutzer %1 existiert.</translation>
    </message>
    <message>
        <source>The service user %1 no longer exists.</source>
        <translation>Der Dienstbenutzer %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>systemd cannot be asked about %1.</source>
        <translation>systemd kann nicht nach %1 gefragt werden.</translation>
    </message>
    <message>
        <source>systemd has %1 %2, not loaded.</source>
        <translation>systemd hat %1 im Zustand %2, nicht geladen.</translation>
    </message>
    <message>
        <source>systemd runs %1 from files that changed since it loaded them (systemctl daemon-reload).</source>
        <translation>systemd führt %1 aus Dateien aus, die sich seit dem Laden geändert haben (systemctl daemon-reload).</translation>
    </message>
    <message>
        <source>User=%1 where the plan has %2</source>
        <translation>User=%1, wo der Plan %2 hat</translation>
    </message>
    <message>
        <source>%1=%2 where the plan has %3</source>
        <translation>%1=%2, wo der Plan %3 hat</translation>
    </message>
    <message>
        <source>systemd has loaded %1 with the plan&apos;s settings.</source>
        <translation>systemd hat %1 mit den Einstellungen des Plans geladen.</translation>
    </message>
    <message>
        <source>systemd has loaded %1 with other settings: %2.</source>
        <translation>systemd hat %1 mit anderen Einstellungen geladen: %2.</translation>
    </message>
    <message>
        <source>%1 is not running: its credentials cannot be compared.</source>
        <translation>%1 läuft nicht: seine Berechtigungen können nicht verglichen werden.</translation>
    </message>
    <message>
        <source>The process %1 of %2 went away while it was read.</source>
        <translation>Der Prozess %1 von %2 ist beim Lesen verschwunden.</translation>
    </message>
    <message>
        <source>runs as uid %1, not %2&apos;s uid %3</source>
        <translation>läuft als UID %1, nicht als UID %3 von %2</translation>
    </message>
    <message>
        <source>%1 holds more than planned: %2</source>
        <translation>%1 hält mehr als geplant: %2</translation>
    </message>
    <message>
        <source>%1 lacks %2</source>
        <translation>%1 fehlt %2</translation>
    </message>
    <message>
        <source>The running agent (pid %1) has the plan&apos;s user and capabilities.</source>
        <translation>Der laufende Agent (PID %1) hat den Benutzer und die Capabilities des Plans.</translation>
    </message>
    <message>
        <source>The running agent (pid %1) %2.</source>
        <translation>Der laufende Agent (PID %1): %2.</translation>
    </message>
    <message>
        <source>Gone: rolled back (%1).</source>
        <translation>Weg: zurückgenommen (%1).</translation>
    </message>
    <message>
        <source>Gone: replaced by the later apply %1.</source>
        <translation>Weg: ersetzt durch die spätere Anwendung %1.</translation>
    </message>
    <message>
        <source>Gone: every file and capability it put in place was removed, without a rollback.</source>
        <translation>Weg: jede Datei und Capability, die sie eingerichtet hat, wurde entfernt, ohne Rücknahme.</translation>
    </message>
    <message numerus="yes">
        <source>Drifted: %n difference(s) from the apply, since %1.</source>
        <translation>
            <numerusform>Abgewichen: %n Sache weicht von der Anwendung ab, seit %1.</numerusform>
            <numerusform>Abgewichen: %n Sachen weichen von der Anwendung ab, seit %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drifted: %n difference(s) from the apply.</source>
        <translation>
            <numerusform>Abgewichen: %n Sache weicht von der Anwendung ab.</numerusform>
            <numerusform>Abgewichen: %n Sachen weichen von der Anwendung ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Holding: everything it put in place is as it was put.</source>
        <translation>Hält: alles, was sie eingerichtet hat, ist so, wie es eingerichtet wurde.</translation>
    </message>
    <message>
        <source>Part of it is now the later apply %1&apos;s.</source>
        <translation>Ein Teil davon gehört jetzt der späteren Anwendung %1.</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>hält</translation>
    </message>
    <message>
        <source>drifted</source>
        <translation>abgewichen</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>weg</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::GrantSummary</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation>Programm: %1</translation>
    </message>
    <message>
        <source>Service user: none</source>
        <translation>Dienstbenutzer: keiner</translation>
    </message>
    <message>
        <source>Service user: %1 (primary group %2; supplementary groups: %3)</source>
        <translation>Dienstbenutzer: %1 (primäre Gruppe %2; zusätzliche Gruppen: %3)</translation>
    </message>
    <message>
        <source>Capabilities: %1</source>
        <translation>Capabilities: %1</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>Sudo commands: none</source>
        <translation>sudo-Befehle: keine</translation>
    </message>
    <message>
        <source>Sudo commands, run as root:</source>
        <translation>sudo-Befehle, als root ausgeführt:</translation>
    </message>
    <message>
        <source>%1 (no arguments)</source>
        <translation>%1 (ohne Argumente)</translation>
    </message>
    <message>
        <source>Root-equivalent: %1. With this the agent can make itself root. The helper applies this plan only after an administrator&apos;s password typed for it, whatever polkit rules allow.</source>
        <translation>Root-gleich: %1. Damit kann sich der Agent selbst zu root machen. Der Helfer wendet diesen Plan erst an, nachdem ein Administrator sein Passwort für ihn eingegeben hat, unabhängig davon, was polkit-Regeln erlauben.</translation>
    </message>
    <message>
        <source>Called by: %1, an existing user; the sudo rule is for it (no user is created)</source>
        <translation>Aufgerufen von: %1, einem bestehenden Benutzer; die sudo-Regel gilt für ihn (es wird kein Benutzer angelegt)</translation>
    </message>
    <message>
        <source>Called by: any user who runs it (file capabilities act for every caller)</source>
        <translation>Aufgerufen von: jedem Benutzer, der es ausführt (Datei-Capabilities wirken für jeden Aufrufer)</translation>
    </message>
    <message>
        <source>Timer: %1 starts %2 on the schedule %3</source>
        <translation>Timer: %1 startet %2 nach dem Zeitplan %3</translation>
    </message>
    <message>
        <source>Replaces: stops and disables %1; a rollback enables and starts it again as it was</source>
        <translation>Ersetzt: hält %1 an und deaktiviert es; ein Zurücknehmen aktiviert und startet es wieder wie zuvor</translation>
    </message>
    <message>
        <source>Arguments: %1</source>
        <translation>Argumente: %1</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>die Datei %1</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Umgebung: %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::HelperClient</name>
    <message>
        <source>the helper&apos;s answer is not a JSON array</source>
        <translation>die Antwort des Helfers ist kein JSON-Array</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>all, and %1</source>
        <translation>alle, und %1</translation>
    </message>
    <message>
        <source>the helper stopped before it answered (it was killed or crashed); if the apply had not finished, the helper&apos;s next start restores the previous state: the history shows the outcome</source>
        <translation>der Helfer wurde beendet, bevor er antwortete (er wurde abgebrochen oder ist abgestürzt); war die Anwendung nicht abgeschlossen, stellt der nächste Start des Helfers den vorherigen Zustand wieder her: der Verlauf zeigt das Ergebnis</translation>
    </message>
    <message>
        <source>the helper stopped before it answered (it was killed or crashed); if the rollback had not finished, the helper&apos;s next start finishes it: the history shows the outcome</source>
        <translation>der Helfer wurde beendet, bevor er antwortete (er wurde abgebrochen oder ist abgestürzt); war das Zurücknehmen nicht abgeschlossen, beendet es der nächste Start des Helfers: der Verlauf zeigt das Ergebnis</translation>
    </message>
    <message>
        <source>the helper stopped before it answered (it was killed or crashed)</source>
        <translation>der Helfer wurde beendet, bevor er antwortete (er wurde abgebrochen oder ist abgestürzt)</translation>
    </message>
    <message>
        <source>the helper&apos;s answer is not a JSON object</source>
        <translation>die Antwort des Helfers ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper is not installed on this system (no D-Bus service %1)</source>
        <translation>Deroots Helfer ist auf diesem System nicht installiert (kein D-Bus-Dienst %1)</translation>
    </message>
    <message>
        <source>the system&apos;s D-Bus policy does not let this user call Deroot&apos;s helper</source>
        <translation>die D-Bus-Richtlinie des Systems lässt diesen Benutzer Deroots Helfer nicht aufrufen</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper did not answer in time</source>
        <translation>Deroots Helfer hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper could not be reached (%1)</source>
        <translation>Deroots Helfer ist nicht erreichbar (%1)</translation>
    </message>
    <message>
        <source>the system message bus (D-Bus) cannot be reached, so Deroot&apos;s helper cannot be asked; is D-Bus running on this system?</source>
        <translation>der System-Nachrichtenbus (D-Bus) ist nicht erreichbar, daher kann Deroots Helfer nicht gefragt werden; läuft D-Bus auf diesem System?</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::InputValidation</name>
    <message>
        <source>agent id %1 is not a short name of lower-case letters, digits, &apos;_&apos; and &apos;-&apos; (at most 32)</source>
        <translation>Die Agenten-ID %1 ist kein kurzer Name aus Kleinbuchstaben, Ziffern, &apos;_&apos; und &apos;-&apos; (höchstens 32)</translation>
    </message>
    <message>
        <source>description %1 must be one line of printable ASCII, 200 at most</source>
        <translation>Die Beschreibung %1 muss eine Zeile aus druckbarem ASCII sein, höchstens 200 Zeichen</translation>
    </message>
    <message>
        <source>service user %1 is not a valid system user name for an agent ([a-z_][a-z0-9_-]*, at most 31, not a reserved name such as root)</source>
        <translation>Der Dienstbenutzer %1 ist kein gültiger Systembenutzername für einen Agenten ([a-z_][a-z0-9_-]*, höchstens 31, kein reservierter Name wie root)</translation>
    </message>
    <message>
        <source>service group %1 is not a valid group name for an agent</source>
        <translation>Die Dienstgruppe %1 ist kein gültiger Gruppenname für einen Agenten</translation>
    </message>
    <message>
        <source>supplementary group %1 is not a valid group name</source>
        <translation>Die zusätzliche Gruppe %1 ist kein gültiger Gruppenname</translation>
    </message>
    <message>
        <source>program %1 must be an absolute, normalised path without spaces, quotes or shell characters</source>
        <translation>Das Programm %1 muss ein absoluter, normalisierter Pfad ohne Leerzeichen, Anführungszeichen oder Shell-Zeichen sein</translation>
    </message>
    <message>
        <source>argument %1 must be printable ASCII without quotes, backslashes or &apos;%&apos; (1024 at most)</source>
        <translation>Das Argument %1 muss druckbares ASCII ohne Anführungszeichen, Backslashes oder &apos;%&apos; sein (höchstens 1024)</translation>
    </message>
    <message>
        <source>package %1 is not a package name</source>
        <translation>Das Paket %1 ist kein Paketname</translation>
    </message>
    <message>
        <source>unit %1 is not a valid service unit name</source>
        <translation>Die Unit %1 ist kein gültiger Name einer Dienst-Unit</translation>
    </message>
    <message>
        <source>vendor command line %1 is given without the vendor&apos;s unit</source>
        <translation>Die Befehlszeile des Herstellers %1 ist ohne die Unit des Herstellers angegeben</translation>
    </message>
    <message>
        <source>vendor command line %1 must be one line of printable ASCII (4096 characters at most)</source>
        <translation>Die Befehlszeile des Herstellers %1 muss eine Zeile aus druckbarem ASCII sein (höchstens 4096 Zeichen)</translation>
    </message>
    <message>
        <source>vendor command line %1 does not start the program %2</source>
        <translation>Die Befehlszeile des Herstellers %1 startet nicht das Programm %2</translation>
    </message>
    <message>
        <source>capability %1 does not exist</source>
        <translation>Die Capability %1 gibt es nicht</translation>
    </message>
    <message>
        <source>sudo command %1 must be an absolute, normalised path</source>
        <translation>Der sudo-Befehl %1 muss ein absoluter, normalisierter Pfad sein</translation>
    </message>
    <message>
        <source>sudo command %1 does not exist</source>
        <translation>Den sudo-Befehl %1 gibt es nicht</translation>
    </message>
    <message>
        <source>sudo argument %1 must be a non-empty word without spaces, wildcards, quotes or sudoers specials</source>
        <translation>Das sudo-Argument %1 muss ein nicht leeres Wort ohne Leerzeichen, Platzhalter, Anführungszeichen oder sudoers-Sonderzeichen sein</translation>
    </message>
    <message>
        <source>path %1 must be an absolute, normalised path without special characters</source>
        <translation>Der Pfad %1 muss ein absoluter, normalisierter Pfad ohne Sonderzeichen sein</translation>
    </message>
    <message>
        <source>device %1 is not under /dev</source>
        <translation>Das Gerät %1 liegt nicht unter /dev</translation>
    </message>
    <message>
        <source>address family %1 is not an address family systemd knows</source>
        <translation>Die Adressfamilie %1 ist keine, die systemd kennt</translation>
    </message>
    <message>
        <source>port %1 is outside 1..65535</source>
        <translation>Der Port %1 liegt außerhalb von 1..65535</translation>
    </message>
    <message>
        <source>protocol %1 is neither tcp nor udp</source>
        <translation>Das Protokoll %1 ist weder tcp noch udp</translation>
    </message>
    <message>
        <source>resource limits %1 are out of range (CPU 1-102400%, memory 16 MiB-16 TiB, tasks 4-4194304)</source>
        <translation>Die Ressourcengrenzen %1 liegen außerhalb des Bereichs (CPU 1-102400 %, Speicher 16 MiB-16 TiB, Tasks 4-4194304)</translation>
    </message>
    <message>
        <source>container image %1 is not a valid image reference</source>
        <translation>Das Container-Image %1 ist keine gültige Image-Referenz</translation>
    </message>
    <message>
        <source>catalog id %1 is not a catalog entry&apos;s id</source>
        <translation>Die Katalog-ID %1 ist nicht die ID eines Katalogeintrags</translation>
    </message>
    <message>
        <source>the program&apos;s SHA-256 %1 is not 64 lower-case hexadecimal digits</source>
        <translation>Der SHA-256 des Programms, %1, besteht nicht aus 64 kleingeschriebenen Hexadezimalziffern</translation>
    </message>
    <message>
        <source>vendor command line %1 must be one command: no lone &apos;;&apos; and no final backslash</source>
        <translation>Die Befehlszeile des Herstellers %1 muss ein einziger Befehl sein: kein alleinstehendes &apos;;&apos; und kein Backslash am Ende</translation>
    </message>
    <message>
        <source>a program called by another (%1) cannot be a container: the container method runs a service</source>
        <translation>Ein von einem anderen Programm aufgerufenes Programm (%1) kann kein Container sein: Die Container-Methode führt einen Dienst aus</translation>
    </message>
    <message>
        <source>calling user %1 is not a valid system user name for an agent ([a-z_][a-z0-9_-]*, at most 31, not a reserved name such as root)</source>
        <translation>Der aufrufende Benutzer %1 ist kein gültiger Systembenutzername für einen Agenten ([a-z_][a-z0-9_-]*, höchstens 31, kein reservierter Name wie root)</translation>
    </message>
    <message>
        <source>a sudo rule for the called program %1 needs the user that calls it</source>
        <translation>Eine sudo-Regel für das aufgerufene Programm %1 braucht den Benutzer, der es aufruft</translation>
    </message>
    <message>
        <source>a program called by another has no service of its own, so its %1 would never be granted: leave it empty</source>
        <translation>Ein von einem anderen Programm aufgerufenes Programm hat keinen eigenen Dienst, daher würde %1 nie gewährt: lassen Sie es leer</translation>
    </message>
    <message>
        <source>calling user %1 is given for an agent that is not called by another program</source>
        <translation>Der aufrufende Benutzer %1 ist für einen Agenten angegeben, der nicht von einem anderen Programm aufgerufen wird</translation>
    </message>
    <message>
        <source>schedule %1 is not an OnCalendar= expression (&quot;hourly&quot;, &quot;*-*-* 03:00:00&quot;)</source>
        <translation>Der Zeitplan %1 ist kein OnCalendar=-Ausdruck („hourly“, „*-*-* 03:00:00“)</translation>
    </message>
    <message>
        <source>schedule %1 needs a unit of Deroot&apos;s own: not a container and not a drop-in for an existing unit</source>
        <translation>Der Zeitplan %1 braucht eine eigene Unit von Deroot: keinen Container und kein Drop-in für eine bestehende Unit</translation>
    </message>
    <message>
        <source>schedule %1 is given for an agent that is not started on a schedule</source>
        <translation>Der Zeitplan %1 ist für einen Agenten angegeben, der nicht nach Zeitplan gestartet wird</translation>
    </message>
    <message>
        <source>environment setting %1 must be NAME=value in printable ASCII, without quotes, backslashes, &apos;%&apos;, &apos;$&apos; or &apos;`&apos;</source>
        <translation>Die Umgebungseinstellung %1 muss NAME=Wert in druckbarem ASCII sein, ohne Anführungszeichen, Backslashes, &apos;%&apos;, &apos;$&apos; oder &apos;`&apos;</translation>
    </message>
    <message>
        <source>environment setting %1 would make the program load code from elsewhere: set it in the agent&apos;s own configuration if it must be</source>
        <translation>Die Umgebungseinstellung %1 würde das Programm Code von anderswo laden lassen: setzen Sie sie in der eigenen Konfiguration des Agenten, falls nötig</translation>
    </message>
    <message>
        <source>%1: at most 64 environment settings and 8 environment files</source>
        <translation>%1: höchstens 64 Umgebungseinstellungen und 8 Umgebungsdateien</translation>
    </message>
    <message>
        <source>environment file %1 must be an absolute, normalised path (&quot;-&quot; first: it may be missing)</source>
        <translation>Die Umgebungsdatei %1 muss ein absoluter, normalisierter Pfad sein („-“ davor: sie darf fehlen)</translation>
    </message>
    <message>
        <source>sudo command %1 is not an absolute path to a file</source>
        <translation>Der sudo-Befehl %1 ist kein absoluter Pfad zu einer Datei</translation>
    </message>
    <message>
        <source>sudo command %1 does not exist (%2 is missing)</source>
        <translation>Den sudo-Befehl %1 gibt es nicht (%2 fehlt)</translation>
    </message>
    <message>
        <source>sudo command %1 cannot be examined: %2: %3</source>
        <translation>Der sudo-Befehl %1 kann nicht geprüft werden: %2: %3</translation>
    </message>
    <message>
        <source>sudo command %1 is refused: %2 %3</source>
        <translation>Der sudo-Befehl %1 wird abgelehnt: %2 %3</translation>
    </message>
    <message>
        <source>unit %1 can be replaced only by a new unit of Deroot&apos;s own, not by a drop-in, a container, file capabilities or itself</source>
        <translation>Die Unit %1 kann nur durch eine neue eigene Unit von Deroot ersetzt werden, nicht durch ein Drop-in, einen Container, Datei-Capabilities oder sich selbst</translation>
    </message>
    <message>
        <source>environment file %1 does not exist (write &quot;-&quot; first if it may be missing)</source>
        <translation>Die Umgebungsdatei %1 existiert nicht (schreiben Sie „-“ davor, wenn sie fehlen darf)</translation>
    </message>
    <message>
        <source>environment file %1 cannot be examined: %2</source>
        <translation>Die Umgebungsdatei %1 kann nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>environment file %1 is refused: %2, so someone other than root could choose what the agent loads</source>
        <translation>Die Umgebungsdatei %1 wird abgelehnt: %2, also könnte jemand anderes als root bestimmen, was der Agent lädt</translation>
    </message>
    <message>
        <source>environment setting %1 would run programs from outside the system&apos;s folders (/usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin, /sbin, /bin): set it in the agent&apos;s own configuration if it must be</source>
        <translation>Die Umgebungseinstellung %1 würde Programme außerhalb der Systemordner ausführen (/usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin, /sbin, /bin): setzen Sie sie in der eigenen Konfiguration des Agenten, falls nötig</translation>
    </message>
    <message>
        <source>The container image is empty: give the image the container runs (registry/name:tag). The catalog names none for %1.</source>
        <translation>Das Container-Image ist leer: Geben Sie das Image an, das der Container ausführt (Registry/Name:Tag). Der Katalog nennt keines für %1.</translation>
    </message>
    <message>
        <source>host access for a container is set, but the method is not the container method</source>
        <translation>Hostzugriff für einen Container ist gesetzt, aber die Methode ist nicht die Container-Methode</translation>
    </message>
    <message>
        <source>container argument %1 is not one option word (-x, --name=value)</source>
        <translation>Container-Argument %1 ist kein einzelnes Optionswort (-x, --name=Wert)</translation>
    </message>
    <message>
        <source>the sudo method needs at least one command to allow</source>
        <translation>die sudo-Methode braucht mindestens einen erlaubten Befehl</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Inspect</name>
    <message>
        <source>The evidence suggests %1, which the catalog entry for %2 does not list.</source>
        <translation>Die Belege deuten auf %1, das der Katalogeintrag für %2 nicht nennt.</translation>
    </message>
    <message>
        <source>The system has the unit %1 for this agent: inspect that unit instead to get a drop-in for it, rather than a second unit that would run the agent twice.</source>
        <translation>Das System hat die Unit %1 für diesen Agenten: Untersuchen Sie stattdessen diese Unit, um ein Drop-in dafür zu bekommen, statt einer zweiten Unit, die den Agenten doppelt laufen ließe.</translation>
    </message>
    <message>
        <source>The agent catalog could not be read, so this report has no catalog knowledge.</source>
        <translation>Der Agentenkatalog konnte nicht gelesen werden, daher enthält dieser Bericht kein Wissen aus dem Katalog.</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 does not exist: a part of the path is not a directory</source>
        <translation>%1 existiert nicht: ein Teil des Pfads ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert</translation>
    </message>
    <message>
        <source>%1 is a symbolic link loop</source>
        <translation>%1 ist eine Schleife symbolischer Links</translation>
    </message>
    <message>
        <source>%1 is too long a path</source>
        <translation>%1 ist ein zu langer Pfad</translation>
    </message>
    <message>
        <source>%1 is a socket, not a program</source>
        <translation>%1 ist ein Socket, kein Programm</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ein Verzeichnis</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein Blockgerät</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>ein FIFO</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>Someone other than root can change this program: granting it capabilities or running it as root would hand them that privilege.</source>
        <translation>Jemand anderes als root kann dieses Programm ändern: ihm Capabilities zu geben oder es als root auszuführen, würde diesem Jemand dieses Privileg verschaffen.</translation>
    </message>
    <message>
        <source>Someone other than root can replace this program through a directory above it: granting it capabilities or running it as root would hand them that privilege.</source>
        <translation>Jemand anderes als root kann dieses Programm über ein Verzeichnis darüber ersetzen: ihm Capabilities zu geben oder es als root auszuführen, würde diesem Jemand dieses Privileg verschaffen.</translation>
    </message>
    <message>
        <source>The program lies in a directory everyone can write to; others cannot replace it, but can place files next to it. Install agents under /usr or /opt instead.</source>
        <translation>Das Programm liegt in einem Verzeichnis, in das jeder schreiben kann; andere können es nicht ersetzen, aber Dateien daneben ablegen. Installieren Sie Agenten stattdessen unter /usr oder /opt.</translation>
    </message>
    <message>
        <source>Its %1 has an entry relative to the working directory: libraries are then loaded from wherever it is started.</source>
        <translation>Sein %1 hat einen Eintrag relativ zum Arbeitsverzeichnis: Bibliotheken werden dann von dort geladen, wo es gestartet wird.</translation>
    </message>
    <message>
        <source>It loads libraries from a directory someone other than root can write to: with capabilities, that is a privilege escalation.</source>
        <translation>Es lädt Bibliotheken aus einem Verzeichnis, in das jemand anderes als root schreiben kann: mit Capabilities ist das eine Rechteausweitung.</translation>
    </message>
    <message>
        <source>It uses the deprecated DT_RPATH, which takes precedence over LD_LIBRARY_PATH.</source>
        <translation>Es verwendet das veraltete DT_RPATH, das Vorrang vor LD_LIBRARY_PATH hat.</translation>
    </message>
    <message>
        <source>It was built without some exploit mitigations; a privileged program should have them.</source>
        <translation>Es wurde ohne einige Schutzmaßnahmen gegen Exploits gebaut; ein privilegiertes Programm sollte sie haben.</translation>
    </message>
    <message>
        <source>the path is empty</source>
        <translation>der Pfad ist leer</translation>
    </message>
    <message>
        <source>%1 contains a NUL byte</source>
        <translation>%1 enthält ein NUL-Byte</translation>
    </message>
    <message>
        <source>%1 is %2, not a program</source>
        <translation>%1 ist %2, kein Programm</translation>
    </message>
    <message>
        <source>%1 was replaced by %2 while it was opened</source>
        <translation>%1 wurde beim Öffnen durch %2 ersetzt</translation>
    </message>
    <message>
        <source>%1 was replaced while it was opened</source>
        <translation>%1 wurde beim Öffnen ersetzt</translation>
    </message>
    <message>
        <source>%1 is %2 MB, larger than any agent program Deroot inspects (%3 MB at most)</source>
        <translation>%1 ist %2 MB groß, größer als jedes Agentenprogramm, das Deroot untersucht (höchstens %3 MB)</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>es ist leer</translation>
    </message>
    <message>
        <source>it starts with %1</source>
        <translation>es beginnt mit %1</translation>
    </message>
    <message>
        <source>%1 is neither an ELF program nor a script (%2)</source>
        <translation>%1 ist weder ein ELF-Programm noch ein Skript (%2)</translation>
    </message>
    <message>
        <source>%1 could not be read to the end: %2</source>
        <translation>%1 konnte nicht bis zum Ende gelesen werden: %2</translation>
    </message>
    <message>
        <source>It is set-user-ID: everyone who runs it runs it as %1.</source>
        <translation>Es ist set-user-ID: Jeder, der es ausführt, führt es als %1 aus.</translation>
    </message>
    <message>
        <source>It is set-group-ID: everyone who runs it runs it with %1.</source>
        <translation>Es ist set-group-ID: Jeder, der es ausführt, führt es mit %1 aus.</translation>
    </message>
    <message>
        <source>the file&apos;s capabilities grant it (%1)</source>
        <translation>die Capabilities der Datei gewähren sie (%1)</translation>
    </message>
    <message>
        <source>the file&apos;s capabilities grant it (%1), as installed by package %2</source>
        <translation>die Capabilities der Datei gewähren sie (%1), wie vom Paket %2 installiert</translation>
    </message>
    <message>
        <source>It has file capabilities: %1.</source>
        <translation>Es hat Datei-Capabilities: %1.</translation>
    </message>
    <message>
        <source>Package %1 owns it: an upgrade that replaces the file drops capabilities set by hand (the package&apos;s own scripts set them again only for the ones it ships).</source>
        <translation>Das Paket %1 besitzt es: Ein Upgrade, das die Datei ersetzt, verwirft von Hand gesetzte Capabilities (die Skripte des Pakets setzen nur die erneut, die es selbst mitbringt).</translation>
    </message>
    <message>
        <source>Its capabilities are namespaced (v3): they apply only in a user namespace whose root is uid %1.</source>
        <translation>Seine Capabilities sind namensraumgebunden (v3): Sie gelten nur in einem Benutzernamensraum, dessen root die UID %1 ist.</translation>
    </message>
    <message>
        <source>File capabilities on a script do nothing: the kernel runs the interpreter, not the script. Grant them to the service (AmbientCapabilities) or give the one privileged command a sudo rule.</source>
        <translation>Datei-Capabilities auf einem Skript bewirken nichts: Der Kernel führt den Interpreter aus, nicht das Skript. Gewähren Sie sie dem Dienst (AmbientCapabilities) oder geben Sie dem einen privilegierten Befehl eine sudo-Regel.</translation>
    </message>
    <message>
        <source>It is a script: file capabilities cannot work on it. Grant capabilities to the service (AmbientCapabilities) or use a sudo rule for the privileged command.</source>
        <translation>Es ist ein Skript: Datei-Capabilities können darauf nicht wirken. Gewähren Sie Capabilities dem Dienst (AmbientCapabilities) oder nutzen Sie eine sudo-Regel für den privilegierten Befehl.</translation>
    </message>
    <message>
        <source>It may need %1 depending on how it is configured; check before granting it.</source>
        <translation>Je nach Konfiguration braucht es vielleicht %1; prüfen Sie das, bevor Sie es gewähren.</translation>
    </message>
    <message>
        <source>Go programs make system calls directly, so imported symbols say little about what it needs; its modules and the catalog are the evidence.</source>
        <translation>Go-Programme machen Systemaufrufe direkt, daher sagen importierte Symbole wenig darüber, was es braucht; seine Module und der Katalog sind die Belege.</translation>
    </message>
    <message>
        <source>It is statically linked: it imports no symbols, so symbol evidence is unavailable.</source>
        <translation>Es ist statisch gelinkt: Es importiert keine Symbole, daher gibt es keine Belege aus Symbolen.</translation>
    </message>
    <message>
        <source>%1 has %2 open: raw access to a disk or to memory amounts to root.</source>
        <translation>%1 hat %2 geöffnet: Direkter Zugriff auf eine Platte oder auf den Speicher kommt root gleich.</translation>
    </message>
    <message>
        <source>The executable of %1 could not be inspected: %2</source>
        <translation>Die ausführbare Datei von %1 konnte nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>%1 runs in another network namespace; the network sysctl values shown are Deroot&apos;s own namespace&apos;s.</source>
        <translation>%1 läuft in einem anderen Netzwerk-Namensraum; die gezeigten Netzwerk-sysctl-Werte sind die aus Deroots eigenem Namensraum.</translation>
    </message>
    <message>
        <source>%1 pings through an ICMP datagram socket, which needs no capability when net.ipv4.ping_group_range admits its group (here unreadable).</source>
        <translation>%1 pingt über einen ICMP-Datagramm-Socket, der keine Capability braucht, wenn net.ipv4.ping_group_range seine Gruppe zulässt (hier nicht lesbar).</translation>
    </message>
    <message>
        <source>%1 pings through an ICMP datagram socket, which needs no capability when net.ipv4.ping_group_range admits its group (here: %2).</source>
        <translation>%1 pingt über einen ICMP-Datagramm-Socket, der keine Capability braucht, wenn net.ipv4.ping_group_range seine Gruppe zulässt (hier: %2).</translation>
    </message>
    <message>
        <source>Port %1 is below 1024, but %2 here, so binding it needs no capability.</source>
        <translation>Port %1 liegt unter 1024, aber hier gilt %2, daher braucht das Binden keine Capability.</translation>
    </message>
    <message>
        <source>Here groups %1 to %2 may open ICMP sockets without privilege: for ICMP echo alone, an agent running with such a group needs no CAP_NET_RAW.</source>
        <translation>Hier dürfen die Gruppen %1 bis %2 ohne Privileg ICMP-Sockets öffnen: Für ICMP-Echo allein braucht ein Agent mit einer solchen Gruppe kein CAP_NET_RAW.</translation>
    </message>
    <message>
        <source>Here no group may open ICMP sockets without privilege, so pinging needs CAP_NET_RAW (widening net.ipv4.ping_group_range would remove that need).</source>
        <translation>Hier darf keine Gruppe ohne Privileg ICMP-Sockets öffnen, daher braucht Pingen CAP_NET_RAW (ein weiteres net.ipv4.ping_group_range würde diesen Bedarf beseitigen).</translation>
    </message>
    <message>
        <source>Port %1 is at or above this machine&apos;s unprivileged port start, so binding it needs no capability here (it would elsewhere).</source>
        <translation>Port %1 liegt auf oder über dem Beginn der unprivilegierten Ports dieser Maschine, daher braucht das Binden hier keine Capability (anderswo schon).</translation>
    </message>
    <message>
        <source>%1 runs %2 with no_new_privs (%3), so its file capabilities (%4) are ignored: grant them with AmbientCapabilities= instead.</source>
        <translation>%1 führt %2 mit no_new_privs aus (%3), daher werden seine Datei-Capabilities (%4) ignoriert: Gewähren Sie sie stattdessen mit AmbientCapabilities=.</translation>
    </message>
    <message>
        <source>The CapabilityBoundingSet= of %1 lacks %2, which %3 must get from its file capabilities: execve fails with EPERM (capabilities(7)).</source>
        <translation>Dem CapabilityBoundingSet= von %1 fehlt %2, das %3 aus seinen Datei-Capabilities bekommen muss: execve scheitert mit EPERM (capabilities(7)).</translation>
    </message>
    <message>
        <source>%1 starts %2 as root although User=%3 (ExecStart= with &apos;!&apos; or &apos;+&apos;): the program drops privileges itself, if at all.</source>
        <translation>%1 startet %2 als root, obwohl User=%3 gilt (ExecStart= mit „!“ oder „+“): Das Programm gibt Rechte selbst ab, wenn überhaupt.</translation>
    </message>
    <message>
        <source>%1 runs as root with every capability: find what it needs and give it a User= with only that.</source>
        <translation>%1 läuft als root mit allen Capabilities: Finden Sie heraus, was er braucht, und geben Sie ihm ein User= mit nur diesem.</translation>
    </message>
    <message>
        <source>%1 runs as root within the bounding set %2: find what it needs and give it a User= with only that.</source>
        <translation>%1 läuft als root innerhalb der Bounding-Menge %2: Finden Sie heraus, was er braucht, und geben Sie ihm ein User= mit nur diesem.</translation>
    </message>
    <message>
        <source>%1 names capabilities this version of Deroot does not know: %2.</source>
        <translation>%1 nennt Capabilities, die diese Version von Deroot nicht kennt: %2.</translation>
    </message>
    <message>
        <source>The program of %1 could not be inspected: %2</source>
        <translation>Das Programm von %1 konnte nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>The main process of %1 could not be inspected: %2</source>
        <translation>Der Hauptprozess von %1 konnte nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>The agent has the unit %1, but it could not be read (%2): the plan cannot work with it and would make a unit of its own.</source>
        <translation>Der Agent hat die Unit %1, aber sie konnte nicht gelesen werden (%2): Der Plan kann nicht mit ihr arbeiten und würde eine eigene Unit anlegen.</translation>
    </message>
    <message>
        <source>captures packets (pcap_open_live(3pcap): needs a packet socket)</source>
        <translation>schneidet Pakete mit (pcap_open_live(3pcap): braucht einen Paket-Socket)</translation>
    </message>
    <message>
        <source>captures packets (pcap_create(3pcap): needs a packet socket)</source>
        <translation>schneidet Pakete mit (pcap_create(3pcap): braucht einen Paket-Socket)</translation>
    </message>
    <message>
        <source>captures packets (pcap_activate(3pcap))</source>
        <translation>schneidet Pakete mit (pcap_activate(3pcap))</translation>
    </message>
    <message>
        <source>sets the clock (settimeofday(2))</source>
        <translation>stellt die Uhr (settimeofday(2))</translation>
    </message>
    <message>
        <source>may set a clock (clock_settime(2): CLOCK_REALTIME needs it)</source>
        <translation>stellt womöglich eine Uhr (clock_settime(2): CLOCK_REALTIME braucht sie)</translation>
    </message>
    <message>
        <source>sets the clock (stime(2))</source>
        <translation>stellt die Uhr (stime(2))</translation>
    </message>
    <message>
        <source>may adjust the clock (adjtimex(2): reading needs nothing)</source>
        <translation>justiert womöglich die Uhr (adjtimex(2): Lesen braucht nichts)</translation>
    </message>
    <message>
        <source>may adjust the clock (clock_adjtime(2): reading needs nothing)</source>
        <translation>justiert womöglich die Uhr (clock_adjtime(2): Lesen braucht nichts)</translation>
    </message>
    <message>
        <source>may adjust the clock (ntp_adjtime(3): reading needs nothing)</source>
        <translation>justiert womöglich die Uhr (ntp_adjtime(3): Lesen braucht nichts)</translation>
    </message>
    <message>
        <source>slews the clock (adjtime(3))</source>
        <translation>führt die Uhr allmählich nach (adjtime(3))</translation>
    </message>
    <message>
        <source>traces processes (ptrace(2): others&apos; processes need it)</source>
        <translation>verfolgt Prozesse (ptrace(2): fremde Prozesse brauchen sie)</translation>
    </message>
    <message>
        <source>reads other processes&apos; memory (process_vm_readv(2): others&apos; processes need it)</source>
        <translation>liest den Speicher anderer Prozesse (process_vm_readv(2): fremde Prozesse brauchen sie)</translation>
    </message>
    <message>
        <source>writes other processes&apos; memory (process_vm_writev(2): others&apos; processes need it)</source>
        <translation>schreibt in den Speicher anderer Prozesse (process_vm_writev(2): fremde Prozesse brauchen sie)</translation>
    </message>
    <message>
        <source>mounts file systems (mount(2))</source>
        <translation>hängt Dateisysteme ein (mount(2))</translation>
    </message>
    <message>
        <source>unmounts file systems (umount(2))</source>
        <translation>hängt Dateisysteme aus (umount(2))</translation>
    </message>
    <message>
        <source>changes the root mount (pivot_root(2))</source>
        <translation>wechselt das Wurzel-Dateisystem (pivot_root(2))</translation>
    </message>
    <message>
        <source>sets the host name (sethostname(2))</source>
        <translation>setzt den Rechnernamen (sethostname(2))</translation>
    </message>
    <message>
        <source>sets the NIS domain name (setdomainname(2))</source>
        <translation>setzt den NIS-Domänennamen (setdomainname(2))</translation>
    </message>
    <message>
        <source>enters namespaces (setns(2): most kinds need it)</source>
        <translation>betritt Namensräume (setns(2): die meisten Arten brauchen sie)</translation>
    </message>
    <message>
        <source>makes namespaces (unshare(2): all but user namespaces need it)</source>
        <translation>legt Namensräume an (unshare(2): alle außer Benutzernamensräumen brauchen sie)</translation>
    </message>
    <message>
        <source>loads kernel modules (init_module(2))</source>
        <translation>lädt Kernelmodule (init_module(2))</translation>
    </message>
    <message>
        <source>loads kernel modules (finit_module(2))</source>
        <translation>lädt Kernelmodule (finit_module(2))</translation>
    </message>
    <message>
        <source>unloads kernel modules (delete_module(2))</source>
        <translation>entlädt Kernelmodule (delete_module(2))</translation>
    </message>
    <message>
        <source>accesses I/O ports (ioperm(2))</source>
        <translation>greift auf I/O-Ports zu (ioperm(2))</translation>
    </message>
    <message>
        <source>accesses I/O ports (iopl(2))</source>
        <translation>greift auf I/O-Ports zu (iopl(2))</translation>
    </message>
    <message>
        <source>reboots the machine (reboot(2))</source>
        <translation>startet die Maschine neu (reboot(2))</translation>
    </message>
    <message>
        <source>loads a new kernel (kexec_load(2))</source>
        <translation>lädt einen neuen Kernel (kexec_load(2))</translation>
    </message>
    <message>
        <source>changes its root directory (chroot(2))</source>
        <translation>wechselt sein Wurzelverzeichnis (chroot(2))</translation>
    </message>
    <message>
        <source>may create device files (mknod(2): FIFOs need nothing)</source>
        <translation>legt womöglich Gerätedateien an (mknod(2): FIFOs brauchen nichts)</translation>
    </message>
    <message>
        <source>may create device files (mknodat(2): FIFOs need nothing)</source>
        <translation>legt womöglich Gerätedateien an (mknodat(2): FIFOs brauchen nichts)</translation>
    </message>
    <message>
        <source>reads the kernel log (syslog(2): needs it when kernel.dmesg_restrict is 1)</source>
        <translation>liest das Kernel-Log (syslog(2): braucht sie, wenn kernel.dmesg_restrict 1 ist)</translation>
    </message>
    <message>
        <source>uses performance counters (perf_event_open(2): depends on kernel.perf_event_paranoid)</source>
        <translation>nutzt Leistungszähler (perf_event_open(2): hängt von kernel.perf_event_paranoid ab)</translation>
    </message>
    <message>
        <source>loads BPF programs (bpf(2))</source>
        <translation>lädt BPF-Programme (bpf(2))</translation>
    </message>
    <message>
        <source>changes its user id (setuid(2)): often to drop root after starting as root</source>
        <translation>wechselt seine Benutzer-ID (setuid(2)): oft, um root abzulegen, nachdem es als root gestartet ist</translation>
    </message>
    <message>
        <source>changes its user ids (setresuid(2)): often to drop root</source>
        <translation>wechselt seine Benutzer-IDs (setresuid(2)): oft, um root abzulegen</translation>
    </message>
    <message>
        <source>changes its user ids (setreuid(2)): often to drop root</source>
        <translation>wechselt seine Benutzer-IDs (setreuid(2)): oft, um root abzulegen</translation>
    </message>
    <message>
        <source>changes its group id (setgid(2)): often to drop root</source>
        <translation>wechselt seine Gruppen-ID (setgid(2)): oft, um root abzulegen</translation>
    </message>
    <message>
        <source>changes its group ids (setresgid(2)): often to drop root</source>
        <translation>wechselt seine Gruppen-IDs (setresgid(2)): oft, um root abzulegen</translation>
    </message>
    <message>
        <source>sets supplementary groups (setgroups(2)): often to drop root</source>
        <translation>setzt Zusatzgruppen (setgroups(2)): oft, um root abzulegen</translation>
    </message>
    <message>
        <source>sets supplementary groups (initgroups(3)): often to drop root</source>
        <translation>setzt Zusatzgruppen (initgroups(3)): oft, um root abzulegen</translation>
    </message>
    <message>
        <source>changes its capability sets (capset(2)): may be dropping them</source>
        <translation>ändert seine Capability-Mengen (capset(2)): legt sie womöglich ab</translation>
    </message>
    <message>
        <source>changes its capability sets (cap_set_proc(3)): may be dropping them</source>
        <translation>ändert seine Capability-Mengen (cap_set_proc(3)): legt sie womöglich ab</translation>
    </message>
    <message>
        <source>locks its memory (mlockall(2): beyond RLIMIT_MEMLOCK needs it)</source>
        <translation>sperrt seinen Speicher (mlockall(2): über RLIMIT_MEMLOCK hinaus braucht es sie)</translation>
    </message>
    <message>
        <source>sets scheduling policy (sched_setscheduler(2): real-time policies need it)</source>
        <translation>setzt die Scheduling-Strategie (sched_setscheduler(2): Echtzeit-Strategien brauchen sie)</translation>
    </message>
    <message>
        <source>links libpcap: captures packets through a packet socket (pcap(3pcap))</source>
        <translation>bindet libpcap ein: schneidet Pakete über einen Paket-Socket mit (pcap(3pcap))</translation>
    </message>
    <message>
        <source>links libbpf: loads BPF programs (bpf(2))</source>
        <translation>bindet libbpf ein: lädt BPF-Programme (bpf(2))</translation>
    </message>
    <message>
        <source>links libbpf: tracing programs also need CAP_PERFMON (bpf(2))</source>
        <translation>bindet libbpf ein: Tracing-Programme brauchen auch CAP_PERFMON (bpf(2))</translation>
    </message>
    <message>
        <source>talks to a BMC; local /dev/ipmi0 is root-only by default</source>
        <translation>spricht mit einem BMC; das lokale /dev/ipmi0 ist standardmäßig nur für root</translation>
    </message>
    <message>
        <source>uses gopacket/pcap: captures packets</source>
        <translation>nutzt gopacket/pcap: schneidet Pakete mit</translation>
    </message>
    <message>
        <source>uses gopacket/afpacket: opens packet sockets</source>
        <translation>nutzt gopacket/afpacket: öffnet Paket-Sockets</translation>
    </message>
    <message>
        <source>uses mdlayher/packet: opens packet sockets</source>
        <translation>nutzt mdlayher/packet: öffnet Paket-Sockets</translation>
    </message>
    <message>
        <source>uses mdlayher/raw: opens packet sockets</source>
        <translation>nutzt mdlayher/raw: öffnet Paket-Sockets</translation>
    </message>
    <message>
        <source>uses x/net/icmp: raw ICMP needs it; unprivileged ICMP sockets do not when net.ipv4.ping_group_range admits the group</source>
        <translation>nutzt x/net/icmp: Raw-ICMP braucht sie; unprivilegierte ICMP-Sockets nicht, wenn net.ipv4.ping_group_range die Gruppe zulässt</translation>
    </message>
    <message>
        <source>uses pro-bing: privileged mode needs it, unprivileged mode needs net.ipv4.ping_group_range</source>
        <translation>nutzt pro-bing: der privilegierte Modus braucht sie, der unprivilegierte braucht net.ipv4.ping_group_range</translation>
    </message>
    <message>
        <source>uses go-ping: privileged mode needs it, unprivileged mode needs net.ipv4.ping_group_range</source>
        <translation>nutzt go-ping: der privilegierte Modus braucht sie, der unprivilegierte braucht net.ipv4.ping_group_range</translation>
    </message>
    <message>
        <source>uses cilium/ebpf: loads BPF programs</source>
        <translation>nutzt cilium/ebpf: lädt BPF-Programme</translation>
    </message>
    <message>
        <source>uses cilium/ebpf: tracing programs also need CAP_PERFMON</source>
        <translation>nutzt cilium/ebpf: Tracing-Programme brauchen auch CAP_PERFMON</translation>
    </message>
    <message>
        <source>uses gobpf: loads BPF programs</source>
        <translation>nutzt gobpf: lädt BPF-Programme</translation>
    </message>
    <message>
        <source>uses vishvananda/netlink: changing links, routes or rules needs it; reading does not</source>
        <translation>nutzt vishvananda/netlink: Links, Routen oder Regeln zu ändern braucht sie, Lesen nicht</translation>
    </message>
    <message>
        <source>uses ethtool: some ioctls need it</source>
        <translation>nutzt ethtool: manche ioctls brauchen sie</translation>
    </message>
    <message>
        <source>uses perf-utils: performance counters</source>
        <translation>nutzt perf-utils: Leistungszähler</translation>
    </message>
    <message>
        <source>uses go-iptables: changes firewall rules</source>
        <translation>nutzt go-iptables: ändert Firewall-Regeln</translation>
    </message>
    <message>
        <source>uses nftables: changing rules needs it</source>
        <translation>nutzt nftables: Regeln zu ändern braucht sie</translation>
    </message>
    <message>
        <source>uses beevik/ntp: only a server on port 123 needs it</source>
        <translation>nutzt beevik/ntp: nur ein Server auf Port 123 braucht sie</translation>
    </message>
    <message>
        <source>imports %1: %2</source>
        <translation>importiert %1: %2</translation>
    </message>
    <message>
        <source>needs %1: %2</source>
        <translation>benötigt %1: %2</translation>
    </message>
    <message>
        <source>Go module %1 %2: %3</source>
        <translation>Go-Modul %1 %2: %3</translation>
    </message>
    <message>
        <source>Go module %1 %2 (holds %3): %4</source>
        <translation>Go-Modul %1 %2 (enthält %3): %4</translation>
    </message>
    <message>
        <source>%1, main package %2</source>
        <translation>%1, Hauptpaket %2</translation>
    </message>
    <message>
        <source>no dynamic section</source>
        <translation>kein dynamischer Abschnitt</translation>
    </message>
    <message>
        <source>%1 has %2 open for read-write as fd %3 (%4)</source>
        <translation>%1 hat %2 zum Lesen und Schreiben als fd %3 offen (%4)</translation>
    </message>
    <message>
        <source>%1 has %2 open for write as fd %3 (%4)</source>
        <translation>%1 hat %2 zum Schreiben als fd %3 offen (%4)</translation>
    </message>
    <message>
        <source>%1 has %2 open for read as fd %3 (%4)</source>
        <translation>%1 hat %2 zum Lesen als fd %3 offen (%4)</translation>
    </message>
    <message>
        <source>group %1 may read-write %2 (%3)</source>
        <translation>die Gruppe %1 darf %2 lesen und schreiben (%3)</translation>
    </message>
    <message>
        <source>group %1 may write %2 (%3)</source>
        <translation>die Gruppe %1 darf %2 schreiben (%3)</translation>
    </message>
    <message>
        <source>group %1 may read %2 (%3)</source>
        <translation>die Gruppe %1 darf %2 lesen (%3)</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start is %1</source>
        <translation>net.ipv4.ip_unprivileged_port_start ist %1</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start could not be read, so the kernel default 1024 is assumed</source>
        <translation>net.ipv4.ip_unprivileged_port_start konnte nicht gelesen werden, also wird der Kernel-Standardwert 1024 angenommen</translation>
    </message>
    <message>
        <source>socket inode %1, fd %2</source>
        <translation>Socket-Inode %1, fd %2</translation>
    </message>
    <message>
        <source>%1 has a raw %2 socket for protocol %3 (%4)</source>
        <translation>%1 hat einen Raw-Socket (%2) für das Protokoll %3 (%4)</translation>
    </message>
    <message>
        <source>%1 has an ICMP datagram (ping) socket (%2)</source>
        <translation>%1 hat einen ICMP-Datagramm-Socket (Ping) (%2)</translation>
    </message>
    <message>
        <source>%1 listens on %2 %3 (%4)</source>
        <translation>%1 lauscht auf %2 %3 (%4)</translation>
    </message>
    <message>
        <source>%1 is bound on %2 %3 (%4)</source>
        <translation>%1 ist an %2 %3 gebunden (%4)</translation>
    </message>
    <message>
        <source>%1: ports below it need CAP_NET_BIND_SERVICE</source>
        <translation>%1: Ports darunter brauchen CAP_NET_BIND_SERVICE</translation>
    </message>
    <message>
        <source>%1 has a packet socket (AF_PACKET, %2, %3; socket inode %4, fd %5)</source>
        <translation>%1 hat einen Paket-Socket (AF_PACKET, %2, %3; Socket-Inode %4, fd %5)</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start unreadable; the default 1024 assumed</source>
        <translation>net.ipv4.ip_unprivileged_port_start nicht lesbar; der Standardwert 1024 angenommen</translation>
    </message>
    <message>
        <source>%1/%2 is below the unprivileged port start (%3)</source>
        <translation>%1/%2 liegt unter dem Beginn der unprivilegierten Ports (%3)</translation>
    </message>
    <message>
        <source>%1 grants it with AmbientCapabilities=%2</source>
        <translation>%1 gewährt sie mit AmbientCapabilities=%2</translation>
    </message>
    <message>
        <source>%1 adds it with SupplementaryGroups=%2</source>
        <translation>%1 fügt sie mit SupplementaryGroups=%2 hinzu</translation>
    </message>
    <message>
        <source>%1 makes it writable with ReadWritePaths=%2</source>
        <translation>%1 macht ihn mit ReadWritePaths=%2 schreibbar</translation>
    </message>
    <message>
        <source>measured: NoNewPrivs 1 in its main process&apos;s status</source>
        <translation>gemessen: NoNewPrivs 1 im Status seines Hauptprozesses</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than a unit file can be (1 MiB)</source>
        <translation>%1 ist größer, als eine Unit-Datei sein kann (1 MiB)</translation>
    </message>
    <message>
        <source>%1 is not a service unit with one ExecStart= line: choose the program it starts</source>
        <translation>%1 ist keine Dienst-Unit mit einer ExecStart=-Zeile: wählen Sie das Programm, das sie startet</translation>
    </message>
    <message>
        <source>the program of %1 cannot be found (ExecStart=%2)</source>
        <translation>das Programm von %1 ist nicht zu finden (ExecStart=%2)</translation>
    </message>
    <message>
        <source>unit %1 does not exist</source>
        <translation>die Unit %1 existiert nicht</translation>
    </message>
    <message>
        <source>unit %1 is masked: systemd will not start it</source>
        <translation>die Unit %1 ist maskiert: systemd startet sie nicht</translation>
    </message>
    <message>
        <source>unit %1 could not be loaded (%2)</source>
        <translation>die Unit %1 konnte nicht geladen werden (%2)</translation>
    </message>
    <message>
        <source>unit %1 has no ExecStart= and no main process: there is no program to inspect</source>
        <translation>die Unit %1 hat weder ExecStart= noch einen Hauptprozess: es gibt kein Programm zu untersuchen</translation>
    </message>
    <message>
        <source>unit %1 does not exist: unit names are letters, digits and &quot;:-_.\@&quot;, and do not start with &apos;-&apos;</source>
        <translation>die Unit %1 existiert nicht: Unit-Namen bestehen aus Buchstaben, Ziffern und „:-_.\@“ und beginnen nicht mit &apos;-&apos;</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: systemctl is not installed, so there is no systemd to ask</source>
        <translation>die Unit %1 kann nicht untersucht werden: systemctl ist nicht installiert, also gibt es kein systemd zu fragen</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: %2</source>
        <translation>die Unit %1 kann nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: systemd did not answer within %2 seconds</source>
        <translation>die Unit %1 kann nicht untersucht werden: systemd hat nicht binnen %2 Sekunden geantwortet</translation>
    </message>
    <message>
        <source>systemctl exited with %1</source>
        <translation>systemctl endete mit %1</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: systemd could not be asked (%2)</source>
        <translation>die Unit %1 kann nicht untersucht werden: systemd konnte nicht gefragt werden (%2)</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Method</name>
    <message>
        <source>Sudo rules</source>
        <translation>Sudo-Regeln</translation>
    </message>
    <message>
        <source>Low-Medium</source>
        <translation>Niedrig bis mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Emergency fixes; legacy systems; environments where you can&apos;t change how the agent runs.</source>
        <translation>Notfallkorrekturen; Altsysteme; Umgebungen, in denen sich nicht ändern lässt, wie der Agent läuft.</translation>
    </message>
    <message>
        <source>Linux capabilities</source>
        <translation>Linux-Capabilities</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>The default, preferred method for bare-metal or VM-based deployments.</source>
        <translation>Die bevorzugte Standardmethode für Installationen auf echter Hardware oder in virtuellen Maschinen.</translation>
    </message>
    <message>
        <source>Containerization</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>Sehr hoch</translation>
    </message>
    <message>
        <source>Kubernetes/cloud-native environments; handling untrusted or third-party agents.</source>
        <translation>Kubernetes- und Cloud-native-Umgebungen; nicht vertrauenswürdige Agenten oder solche von Dritten.</translation>
    </message>
    <message>
        <source>Service user + hardened unit</source>
        <translation>Dienstbenutzer + gehärtete Unit</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Observe</name>
    <message>
        <source>observed without capabilities in %1: %2</source>
        <translation>ohne Capabilities beobachtet in %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, %2 refused; %3 (a netlink request: the kernel refuses it in its reply)</source>
        <translation>
            <numerusform>beobachtet: %n Prüfung in %1, %2 abgelehnt; %3 (eine Netlink-Anfrage: der Kernel lehnt sie in seiner Antwort ab)</numerusform>
            <numerusform>beobachtet: %n Prüfungen in %1, %2 abgelehnt; %3 (eine Netlink-Anfrage: der Kernel lehnt sie in seiner Antwort ab)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, %2 refused; %3</source>
        <translation>
            <numerusform>beobachtet: %n Prüfung in %1, %2 abgelehnt; %3</numerusform>
            <numerusform>beobachtet: %n Prüfungen in %1, %2 abgelehnt; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, granted; %2 (not shown necessary)</source>
        <translation>
            <numerusform>beobachtet: %n Prüfung in %1, gewährt; %2 (nicht als nötig gezeigt)</numerusform>
            <numerusform>beobachtet: %n Prüfungen in %1, gewährt; %2 (nicht als nötig gezeigt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, refused; %2: the refusal may not be why it failed</source>
        <translation>
            <numerusform>beobachtet: %n Prüfung in %1, abgelehnt; %2: die Ablehnung ist vielleicht nicht der Grund des Fehlschlags</numerusform>
            <numerusform>beobachtet: %n Prüfungen in %1, abgelehnt; %2: die Ablehnung ist vielleicht nicht der Grund des Fehlschlags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, refused, and the call succeeded without it; %2</source>
        <translation>
            <numerusform>beobachtet: %n Prüfung in %1, abgelehnt, und der Aufruf gelang ohne sie; %2</numerusform>
            <numerusform>beobachtet: %n Prüfungen in %1, abgelehnt, und der Aufruf gelang ohne sie; %2</numerusform>
        </translation>
    </message>
    <message>
        <source>observed only in dropping privileges (%1): not needed by an agent started as its service user</source>
        <translation>nur beim Abgeben von Rechten beobachtet (%1): nicht nötig für einen Agenten, der als sein Dienstbenutzer startet</translation>
    </message>
    <message>
        <source>observed only passing file permissions (%1): give the service user access to the paths instead</source>
        <translation>nur beim Umgehen von Dateirechten beobachtet (%1): geben Sie stattdessen dem Dienstbenutzer Zugriff auf die Pfade</translation>
    </message>
    <message>
        <source>observed only as noise (%1)</source>
        <translation>nur als Rauschen beobachtet (%1)</translation>
    </message>
    <message>
        <source>observed: %1: give the service user %2 access (group, ACL or a managed directory) instead of %3</source>
        <translation>beobachtet: %1: geben Sie dem Dienstbenutzer Zugriff (%2) über eine Gruppe, eine ACL oder ein verwaltetes Verzeichnis statt %3</translation>
    </message>
    <message>
        <source>observed: %1: give the service user %2 access (group, ACL or a managed directory)</source>
        <translation>beobachtet: %1: geben Sie dem Dienstbenutzer Zugriff (%2) über eine Gruppe, eine ACL oder ein verwaltetes Verzeichnis</translation>
    </message>
    <message>
        <source>Observed as root: files root owns pass their permission check before any capability is asked, so the file-permission problems the service user will meet are hidden; observe as the service user to see them.</source>
        <translation>Als root beobachtet: Dateien, die root gehören, bestehen ihre Rechteprüfung, bevor eine Capability angefragt wird; die Probleme mit Dateirechten, auf die der Dienstbenutzer stoßen wird, bleiben so verborgen. Beobachten Sie als Dienstbenutzer, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Observed with strace, without capabilities: each run stops at the first refusal that ends the agent; add what is needed and observe again until nothing new appears. EPERM can also come from a seccomp filter, an LSM or no_new_privs.</source>
        <translation>Mit strace beobachtet, ohne Capabilities: jeder Lauf endet bei der ersten Ablehnung, die den Agenten beendet; fügen Sie das Nötige hinzu und beobachten Sie erneut, bis nichts Neues mehr erscheint. EPERM kann auch von einem seccomp-Filter, einem LSM oder no_new_privs kommen.</translation>
    </message>
    <message>
        <source>Only the code paths the agent ran in %1 are covered.</source>
        <translation>Abgedeckt sind nur die Codepfade, die der Agent in %1 durchlaufen hat.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: the agent was already running when the watch began, so the devices it opened and the sockets it made at start-up were not seen.</source>
        <translation>Keine Sandbox-Einstellung vorgeschlagen: der Agent lief schon, als die Beobachtung begann, daher wurden die Geräte, die er beim Start öffnete, und die Sockets, die er dabei anlegte, nicht gesehen.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: the agent failed (killed by signal %1), so what it did not do says little.</source>
        <translation>Keine Sandbox-Einstellung vorgeschlagen: der Agent ist gescheitert (durch Signal %1 beendet), daher sagt wenig, was er nicht getan hat.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: the agent failed (exited with status %1), so what it did not do says little.</source>
        <translation>Keine Sandbox-Einstellung vorgeschlagen: der Agent ist gescheitert (mit Status %1 beendet), daher sagt wenig, was er nicht getan hat.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: no system call of the agent was recorded, not even its start.</source>
        <translation>Keine Sandbox-Einstellung vorgeschlagen: kein Systemaufruf des Agenten wurde aufgezeichnet, nicht einmal sein Start.</translation>
    </message>
    <message>
        <source>observed in %1: no device node opened</source>
        <translation>beobachtet in %1: kein Geräteknoten geöffnet</translation>
    </message>
    <message>
        <source>observed in %1: no device node opened but %2, which PrivateDevices= keeps</source>
        <translation>beobachtet in %1: kein Geräteknoten geöffnet außer %2, die PrivateDevices= behält</translation>
    </message>
    <message>
        <source>observed in %1: nothing below /home, /root or /run/user opened for writing (mkdir, rename and unlink are not recorded, nor reads, so ProtectHome=yes is not shown)</source>
        <translation>beobachtet in %1: nichts unter /home, /root oder /run/user zum Schreiben geöffnet (mkdir, rename und unlink werden nicht aufgezeichnet, Lesezugriffe auch nicht, daher ist ProtectHome=yes nicht belegt)</translation>
    </message>
    <message>
        <source>observed in %1: no socket but AF_UNIX ones, and no port bound (unix sockets in the file system still work; abstract ones reach only the unit&apos;s own network)</source>
        <translation>beobachtet in %1: keine Sockets außer AF_UNIX und kein Port gebunden (Unix-Sockets im Dateisystem funktionieren weiter; abstrakte erreichen nur das eigene Netz der Unit)</translation>
    </message>
    <message>
        <source>observed in %1: no socket but AF_UNIX ones (always kept, for journald and D-Bus)</source>
        <translation>beobachtet in %1: keine Sockets außer AF_UNIX (immer erlaubt, für journald und D-Bus)</translation>
    </message>
    <message>
        <source>observed in %1: sockets of %2 only (and AF_UNIX, always kept, for journald and D-Bus)</source>
        <translation>beobachtet in %1: nur Sockets von %2 (und AF_UNIX, immer erlaubt, für journald und D-Bus)</translation>
    </message>
    <message>
        <source>Every round: </source>
        <translation>Jede Runde: </translation>
    </message>
    <message>
        <source>Round %1: </source>
        <translation>Runde %1: </translation>
    </message>
    <message>
        <source>Rounds %1: </source>
        <translation>Runden %1: </translation>
    </message>
    <message>
        <source>still running when the time was up</source>
        <translation>lief noch, als die Zeit um war</translation>
    </message>
    <message>
        <source>the target went away</source>
        <translation>das Ziel ist verschwunden</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>mit Status %1 beendet</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>deroot-observer wrote a recording that does not read: %1</source>
        <translation>deroot-observer hat eine Aufzeichnung geschrieben, die sich nicht lesen lässt: %1</translation>
    </message>
    <message>
        <source>deroot-observer wrote no recording line</source>
        <translation>deroot-observer hat keine recording-Zeile geschrieben</translation>
    </message>
    <message>
        <source>deroot-observer crashed</source>
        <translation>deroot-observer ist abgestürzt</translation>
    </message>
    <message>
        <source>deroot-observer failed</source>
        <translation>deroot-observer ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>It was given %1.</source>
        <translation>Er bekam %1.</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Capabilities:</translation>
    </message>
    <message>
        <source>none was asked for</source>
        <translation>keine wurde angefragt</translation>
    </message>
    <message>
        <source>Paths the service user needs access to:</source>
        <translation>Pfade, auf die der Dienstbenutzer Zugriff braucht:</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports:</translation>
    </message>
    <message>
        <source>Address families: %1</source>
        <translation>Adressfamilien: %1</translation>
    </message>
    <message>
        <source>Files written:</source>
        <translation>Geschriebene Dateien:</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>Refused calls no rule explains (read them by hand):</source>
        <translation>Verweigerte Aufrufe, die keine Regel erklärt (von Hand lesen):</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>execute</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>gelang</translation>
    </message>
    <message numerus="yes">
        <source>succeeded %n time(s)</source>
        <translation>
            <numerusform>gelang %n-mal</numerusform>
            <numerusform>gelang %n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>failed with %1</source>
        <translation>scheiterte mit %1</translation>
    </message>
    <message numerus="yes">
        <source>failed with %1 %n time(s)</source>
        <translation>
            <numerusform>scheiterte %n-mal mit %1</numerusform>
            <numerusform>scheiterte %n-mal mit %1</numerusform>
        </translation>
    </message>
    <message>
        <source>did not return</source>
        <translation>kehrte nicht zurück</translation>
    </message>
    <message numerus="yes">
        <source>did not return %n time(s)</source>
        <translation>
            <numerusform>kehrte %n-mal nicht zurück</numerusform>
            <numerusform>kehrte %n-mal nicht zurück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n other call(s)</source>
        <translation>
            <numerusform>und %n weiterer Aufruf</numerusform>
            <numerusform>und %n weitere Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>needed</source>
        <comment>verdict</comment>
        <translation>nötig</translation>
    </message>
    <message>
        <source>used</source>
        <comment>verdict</comment>
        <translation>genutzt</translation>
    </message>
    <message>
        <source>advisory</source>
        <comment>verdict</comment>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>review</source>
        <comment>verdict</comment>
        <translation>prüfen</translation>
    </message>
    <message>
        <source>privilege-drop</source>
        <comment>verdict</comment>
        <translation>Rechteabgabe</translation>
    </message>
    <message>
        <source>path-fix</source>
        <comment>verdict</comment>
        <translation>Dateizugriff</translation>
    </message>
    <message>
        <source>noise</source>
        <comment>verdict</comment>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>or a group of the service user in net.ipv4.ping_group_range</source>
        <translation>oder eine Gruppe des Dienstbenutzers in net.ipv4.ping_group_range</translation>
    </message>
    <message>
        <source>or a lower net.ipv4.ip_unprivileged_port_start</source>
        <translation>oder ein niedrigeres net.ipv4.ip_unprivileged_port_start</translation>
    </message>
    <message>
        <source>or a lower kernel.perf_event_paranoid</source>
        <translation>oder ein niedrigeres kernel.perf_event_paranoid</translation>
    </message>
    <message>
        <source>or LimitRTPRIO=/LimitNICE= for its own priority</source>
        <translation>oder LimitRTPRIO=/LimitNICE= für seine eigene Priorität</translation>
    </message>
    <message>
        <source>RootDirectory= instead</source>
        <translation>stattdessen RootDirectory=</translation>
    </message>
    <message>
        <source>%1 granted for %2</source>
        <translation>%1 gewährt für %2</translation>
    </message>
    <message>
        <source>%1 refused for %2</source>
        <translation>%1 abgelehnt für %2</translation>
    </message>
    <message>
        <source>%1 failed with %2</source>
        <translation>%1 scheiterte mit %2</translation>
    </message>
    <message>
        <source>observed: %1 succeeded</source>
        <translation>beobachtet: %1 gelang</translation>
    </message>
    <message>
        <source>observed: %1 failed with %2</source>
        <translation>beobachtet: %1 scheiterte mit %2</translation>
    </message>
    <message>
        <source>observed: bound %1 port %2</source>
        <translation>beobachtet: an %1 Port %2 gebunden</translation>
    </message>
    <message>
        <source>observed: bound %1 port %2, refused with %3</source>
        <translation>beobachtet: an %1 Port %2 gebunden, abgelehnt mit %3</translation>
    </message>
    <message>
        <source>observed: bound a unix socket there</source>
        <translation>beobachtet: dort einen Unix-Socket gebunden</translation>
    </message>
    <message>
        <source>observed: opened for %1</source>
        <translation>beobachtet: geöffnet für %1</translation>
    </message>
    <message>
        <source>observed: opened for %1, refused with %2</source>
        <translation>beobachtet: geöffnet für %1, abgelehnt mit %2</translation>
    </message>
    <message>
        <source>observed: opened for writing</source>
        <translation>beobachtet: zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>observed: %1</source>
        <translation>beobachtet: %1</translation>
    </message>
    <message>
        <source>The sandbox settings are only what the recording did not contradict: not seeing something in %1 is weak evidence (a reload, a request, an error path may not have happened). Try each in a trial run before adding it.</source>
        <translation>Die Sandbox-Einstellungen sind nur das, dem die Aufzeichnung nicht widersprach: etwas in %1 nicht zu sehen, ist ein schwacher Beleg (ein Neuladen, eine Anfrage, ein Fehlerpfad kam vielleicht nicht vor). Erproben Sie jede in einem Probelauf, bevor Sie sie hinzufügen.</translation>
    </message>
    <message>
        <source>Not observed with %1: root-equivalent, which the helper never gives; observe as root to see the agent with it.</source>
        <translation>Nicht mit %1 beobachtet: root-gleichwertig, das gibt der Helfer nie; beobachten Sie als root, um den Agenten damit zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Observed %1 with %2 for %3 in %n round(s) (%4).</source>
        <translation>
            <numerusform>Beobachtet: %1 mit %2 für %3 in %n Runde (%4).</numerusform>
            <numerusform>Beobachtet: %1 mit %2 für %3 in %n Runden (%4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Observed %1 as %2 with %3 for %4 in %n round(s) (%5).</source>
        <translation>
            <numerusform>Beobachtet: %1 als %2 mit %3 für %4 in %n Runde (%5).</numerusform>
            <numerusform>Beobachtet: %1 als %2 mit %3 für %4 in %n Runden (%5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Observed %1 with %2 for %3 (%4).</source>
        <translation>Beobachtet: %1 mit %2 für %3 (%4).</translation>
    </message>
    <message>
        <source>Observed %1 as %2 with %3 for %4 (%5).</source>
        <translation>Beobachtet: %1 als %2 mit %3 für %4 (%5).</translation>
    </message>
    <message>
        <source>Sandbox settings nothing recorded speaks against (candidates, not findings: try each in a trial run before adding it):</source>
        <translation>Sandbox-Einstellungen, gegen die nichts Aufgezeichnetes spricht (Kandidaten, keine Befunde: erproben Sie jede in einem Probelauf, bevor Sie sie hinzufügen):</translation>
    </message>
    <message numerus="yes">
        <source>No sandbox setting is flagged: the recorder lost %n event(s), any of which could have been a device or a socket.</source>
        <translation>
            <numerusform>Keine Sandbox-Einstellung vorgeschlagen: die Aufzeichnung hat %n Ereignis verloren, das ein Gerät oder ein Socket gewesen sein könnte.</numerusform>
            <numerusform>Keine Sandbox-Einstellung vorgeschlagen: die Aufzeichnung hat %n Ereignisse verloren, von denen jedes ein Gerät oder ein Socket gewesen sein könnte.</numerusform>
        </translation>
    </message>
    <message>
        <source>command %1</source>
        <translation>Befehl %1</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>Unit %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::PlanExport</name>
    <message>
        <source>%1 exists and is not a directory</source>
        <translation>%1 gibt es schon, und es ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 already holds files: choose an empty or new folder, or replace it (--force)</source>
        <translation>%1 enthält schon Dateien: Wählen Sie einen leeren oder neuen Ordner, oder ersetzen Sie ihn (--force)</translation>
    </message>
    <message>
        <source>%1 cannot be made: %2 does not exist</source>
        <translation>%1 kann nicht angelegt werden: %2 gibt es nicht</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>two artifacts would both be written as %1</source>
        <translation>zwei Dateien des Plans würden beide als %1 geschrieben</translation>
    </message>
    <message>
        <source>%1 cannot be replaced: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>the generated %1 fails its validator (%2); nothing was written</source>
        <translation>die erzeugte Datei %1 besteht ihren Validator nicht (%2); nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>%1 is not a usable archive name</source>
        <translation>%1 ist kein brauchbarer Archivname</translation>
    </message>
    <message>
        <source>%1 is a directory</source>
        <translation>%1 ist ein Ordner</translation>
    </message>
    <message>
        <source>%1 already exists: choose another name, or replace it</source>
        <translation>%1 gibt es schon: Wählen Sie einen anderen Namen, oder ersetzen Sie es</translation>
    </message>
    <message>
        <source>%1 cannot be written: tar: %2</source>
        <translation>%1 kann nicht geschrieben werden: tar: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: gzip: %2</source>
        <translation>%1 kann nicht geschrieben werden: gzip: %2</translation>
    </message>
    <message>
        <source>%1 is not a Linux capability</source>
        <translation>%1 ist keine Linux-Capability</translation>
    </message>
    <message>
        <source>%1 is not a port: write tcp/PORT or udp/PORT (1 to 65535)</source>
        <translation>%1 ist kein Port: Schreiben Sie tcp/PORT oder udp/PORT (1 bis 65535)</translation>
    </message>
    <message>
        <source>plan.json names %1, which the plan lacks</source>
        <translation>plan.json nennt %1, das dem Plan fehlt</translation>
    </message>
    <message>
        <source>the %1 %2 cannot go into an Ansible role: Ansible would read &quot;{&quot; in it as the start of a template</source>
        <translation>%1 %2 kann nicht in eine Ansible-Rolle: Ansible läse &quot;{&quot; darin als Beginn einer Vorlage</translation>
    </message>
    <message>
        <source>%1 is a name sudo does not read (it has a &apos;.&apos; or ends in &apos;~&apos;)</source>
        <translation>%1 ist ein Name, den sudo nicht liest (er enthält einen &apos;.&apos; oder endet auf &apos;~&apos;)</translation>
    </message>
    <message>
        <source>%1 is not a file name in a folder</source>
        <translation>%1 ist kein Dateiname in einem Ordner</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::PrivilegeScore</name>
    <message>
        <source>with the plan</source>
        <translation>mit dem Plan</translation>
    </message>
    <message>
        <source>as it runs now</source>
        <translation>wie es jetzt läuft</translation>
    </message>
    <message>
        <source>as its unit runs it</source>
        <translation>wie seine Unit es ausführt</translation>
    </message>
    <message>
        <source>from what its file grants whoever runs it</source>
        <translation>aus dem, was seine Datei jedem gewährt, der es ausführt</translation>
    </message>
    <message>
        <source>if run as root</source>
        <translation>als root ausgeführt</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Prove</name>
    <message>
        <source>prove starts transient units as the plan&apos;s user, which needs root: run it with sudo</source>
        <translation>prove startet transiente Units als Benutzer des Plans, dafür braucht es root: führen Sie es mit sudo aus</translation>
    </message>
    <message>
        <source>systemd is not running on this system</source>
        <translation>systemd läuft auf diesem System nicht</translation>
    </message>
    <message>
        <source>the plan&apos;s service user %1 does not exist yet: the apply creates it, and prove changes nothing but its transient units; create the user first (the plan&apos;s useradd.sh) or prove after the apply</source>
        <translation>der Dienstbenutzer %1 des Plans existiert noch nicht: das Anwenden legt ihn an, und prove ändert nichts außer seinen transienten Units; legen Sie den Benutzer zuerst an (useradd.sh des Plans) oder prüfen Sie nach dem Anwenden</translation>
    </message>
    <message>
        <source>the plan&apos;s group %1 does not exist</source>
        <translation>die Gruppe %1 des Plans existiert nicht</translation>
    </message>
    <message>
        <source>transient units of the trials are still loaded: %1 (systemctl stop and systemctl reset-failed remove them)</source>
        <translation>vorübergehende Units der Proben sind noch geladen: %1 (systemctl stop und systemctl reset-failed entfernen sie)</translation>
    </message>
    <message>
        <source>cannot open %1, a file of the agent&apos;s unit: %2</source>
        <translation>%1, eine Datei der Unit des Agenten, kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1, a file of the agent&apos;s unit, is not a regular file that only root may change: a trial runs its settings as root would</source>
        <translation>%1, eine Datei der Unit des Agenten, ist keine reguläre Datei, die nur root ändern darf: ein Versuch führt ihre Einstellungen aus, wie root es täte</translation>
    </message>
    <message>
        <source>%1, a file of the agent&apos;s unit, is over %2 KiB</source>
        <translation>%1, eine Datei der Unit des Agenten, ist größer als %2 KiB</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is %2: a trial runs a second copy of it, which would compete with it for its ports, pid file and runtime directory; stop it for the proof (systemctl stop %1) and start it again afterwards</source>
        <translation>die Unit %1 des Agenten ist %2: ein Versuch startet eine zweite Kopie davon, die mit ihr um Ports, PID-Datei und Laufzeitverzeichnis konkurrieren würde; halten Sie sie für den Nachweis an (systemctl stop %1) und starten Sie sie danach wieder</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is masked</source>
        <translation>die Unit %1 des Agenten ist maskiert</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is not known to systemd (%2)</source>
        <translation>systemd kennt die Unit %1 des Agenten nicht (%2)</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is started by %2, whose sockets a trial copy of it would not get; prove does not cover socket activation</source>
        <translation>die Unit %1 des Agenten wird von %2 gestartet, dessen Sockets eine Versuchskopie nicht bekäme; prove deckt Socket-Aktivierung nicht ab</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 has no unit file</source>
        <translation>die Unit %1 des Agenten hat keine Unit-Datei</translation>
    </message>
    <message>
        <source>the drop-in %1 of the agent&apos;s unit has a name a trial cannot order as systemd does</source>
        <translation>das Drop-in %1 der Unit des Agenten hat einen Namen, den ein Versuch nicht wie systemd einordnen kann</translation>
    </message>
    <message>
        <source>two drop-ins of the agent&apos;s unit are named %1</source>
        <translation>zwei Drop-ins der Unit des Agenten heißen %1</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 starts %2, not the plan&apos;s program %3</source>
        <translation>die Unit %1 des Agenten startet %2, nicht das Programm des Plans %3</translation>
    </message>
    <message>
        <source>it exists, and systemd removes it when the trial ends</source>
        <translation>es existiert, und systemd entfernt es am Ende des Versuchs</translation>
    </message>
    <message>
        <source>systemd would make it for the trial</source>
        <translation>systemd würde es für den Versuch anlegen</translation>
    </message>
    <message>
        <source>with DynamicUser=yes systemd would move it below a private/ folder</source>
        <translation>mit DynamicUser=yes würde systemd es unter einen Ordner private/ verschieben</translation>
    </message>
    <message>
        <source>systemd would hand it to the user %1 for the trial</source>
        <translation>systemd würde es für den Versuch dem Benutzer %1 übergeben</translation>
    </message>
    <message>
        <source>the agent&apos;s unit has %1: %2, and prove changes nothing of the system; prove the plan after the apply</source>
        <translation>die Unit des Agenten hat %1: %2, und prove ändert nichts am System; weisen Sie den Plan nach dem Anwenden nach</translation>
    </message>
    <message>
        <source>a trial run covers the capabilities method with a systemd unit only for now; this plan&apos;s method is %1</source>
        <translation>eine Probe deckt vorerst nur die Capabilities-Methode mit einer systemd-Unit ab; die Methode dieses Plans ist %1</translation>
    </message>
    <message>
        <source>a trial run covers plans with a systemd unit only for now; this plan gives the program file capabilities, for the programs that call it</source>
        <translation>eine Probe deckt vorerst nur Pläne mit einer systemd-Unit ab; dieser Plan gibt dem Programm Datei-Capabilities, für die Programme, die es aufrufen</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::ProveReport</name>
    <message>
        <source>exited with status %1</source>
        <translation>mit Status %1 beendet</translation>
    </message>
    <message>
        <source>dumped core on signal %1</source>
        <translation>schrieb bei Signal %1 einen Core-Dump</translation>
    </message>
    <message>
        <source>was killed by signal %1</source>
        <translation>wurde durch Signal %1 beendet</translation>
    </message>
    <message>
        <source>exited with status %1 before the time was up</source>
        <translation>endete mit Status %1, bevor die Zeit um war</translation>
    </message>
    <message>
        <source>dumped core on signal %1 before the time was up</source>
        <translation>schrieb bei Signal %1 einen Core-Dump, bevor die Zeit um war</translation>
    </message>
    <message>
        <source>was killed by signal %1 before the time was up</source>
        <translation>wurde durch Signal %1 beendet, bevor die Zeit um war</translation>
    </message>
    <message>
        <source>did not start: %1</source>
        <translation>startete nicht: %1</translation>
    </message>
    <message>
        <source>was still running when the time was up</source>
        <translation>lief noch, als die Zeit um war</translation>
    </message>
    <message>
        <source>ended without an exit status</source>
        <translation>endete ohne Exit-Status</translation>
    </message>
    <message>
        <source>was not running when the time was up</source>
        <translation>lief nicht, als die Zeit um war</translation>
    </message>
    <message>
        <source>not listening on %1</source>
        <translation>lauscht nicht auf %1</translation>
    </message>
    <message>
        <source>the check command did not finish in time or did not start</source>
        <translation>der Prüfbefehl wurde nicht rechtzeitig fertig oder startete nicht</translation>
    </message>
    <message>
        <source>the check command failed (exit code %1)</source>
        <translation>der Prüfbefehl schlug fehl (Exit-Code %1)</translation>
    </message>
    <message>
        <source>cannot make the folder of %1</source>
        <translation>der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the unit ended before its program started (result: %1)</source>
        <translation>die Unit endete, bevor ihr Programm startete (Ergebnis: %1)</translation>
    </message>
    <message>
        <source>systemd-run could not be started: %1</source>
        <translation>systemd-run konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>the unit has %1 already</source>
        <translation>die Unit hat %1 bereits</translation>
    </message>
    <message>
        <source>PrivateDevices=yes takes %1 from the bounding set, which the plan grants; the capability&apos;s own trial asks whether it is needed</source>
        <translation>PrivateDevices=yes nimmt %1 aus der Bounding-Menge, die der Plan gewährt; ob sie nötig ist, fragt der eigene Versuch der Capability</translation>
    </message>
    <message>
        <source>the plan listens on %1: in a network of its own nothing outside the unit could reach the agent, whatever a trial shows</source>
        <translation>der Plan lauscht auf %1: in einem eigenen Netz könnte nichts außerhalb der Unit den Agenten erreichen, was auch immer ein Versuch zeigt</translation>
    </message>
    <message>
        <source>the unit has %1, as strict or stricter</source>
        <translation>die Unit hat %1, ebenso streng oder strenger</translation>
    </message>
    <message>
        <source>the unit&apos;s %1 is a deny list, which an allow list cannot be compared with</source>
        <translation>%1 der Unit ist eine Sperrliste, mit der sich eine Erlaubnisliste nicht vergleichen lässt</translation>
    </message>
    <message>
        <source>the observation saw %1, which the unit&apos;s %2 does not allow: its value would loosen the plan, which stays as it is</source>
        <translation>die Beobachtung sah %1, was %2 der Unit nicht erlaubt: ihr Wert würde den Plan lockern, der bleibt, wie er ist</translation>
    </message>
    <message>
        <source>%1 is not a setting prove tries</source>
        <translation>%1 ist keine Einstellung, die prove ausprobiert</translation>
    </message>
    <message>
        <source>%1 implies NoNewPrivileges=yes, which this unit has off for sudo</source>
        <translation>%1 setzt NoNewPrivileges=yes voraus, das diese Unit für sudo abgeschaltet hat</translation>
    </message>
    <message>
        <source>The service user %1 does not exist yet (the apply creates it): each trial ran the agent as a user of that name which systemd made for the trial and removed after it (DynamicUser=yes). DynamicUser= also makes /usr, /etc and the home directories read-only for the agent and gives it no file owned by that user: a trial can fail where the applied plan would not, never the other way round.</source>
        <translation>Der Dienstbenutzer %1 existiert noch nicht (die Anwendung legt ihn an): Jede Probe lief als ein Benutzer dieses Namens, den systemd für die Probe anlegte und danach entfernte (DynamicUser=yes). DynamicUser= macht außerdem /usr, /etc und die Home-Verzeichnisse für den Agenten schreibgeschützt und gibt ihm keine Datei dieses Benutzers: Eine Probe kann scheitern, wo der angewandte Plan es nicht täte, nie umgekehrt.</translation>
    </message>
    <message>
        <source>Each trial ran a copy of %1 under another name: the [Service] settings of its unit file and its drop-ins, with the plan&apos;s drop-in among them as the apply installs it. Its [Unit] section (dependencies and conditions) was left out: a trial starts nothing else.</source>
        <translation>Jeder Versuch lief als Kopie von %1 unter einem anderen Namen: die [Service]-Einstellungen ihrer Unit-Datei und ihrer Drop-ins, darunter das Drop-in des Plans, wie das Anwenden es installiert. Ihr Abschnitt [Unit] (Abhängigkeiten und Bedingungen) blieb weg: ein Versuch startet nichts anderes.</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Recommend</name>
    <message>
        <source>Possible on a server too, at a higher complexity than capabilities.</source>
        <translation>Auch auf einem Server möglich, mit höherer Komplexität als Capabilities.</translation>
    </message>
    <message>
        <source>Capabilities remain possible for agents that run on the host itself.</source>
        <translation>Capabilities bleiben möglich für Agenten, die auf dem Host selbst laufen.</translation>
    </message>
    <message>
        <source>Moving the agent into a container changes how it runs, which this system does not allow.</source>
        <translation>Den Agenten in einen Container zu verlegen ändert, wie er läuft, und das erlaubt dieses System nicht.</translation>
    </message>
    <message>
        <source>A compromised agent can still run every command its sudo rule allows.</source>
        <translation>Ein kompromittierter Agent kann weiterhin jeden Befehl ausführen, den seine sudo-Regel erlaubt.</translation>
    </message>
    <message>
        <source>It needs nothing an ordinary user lacks: run it as its own user under a hardened unit with no capabilities at all.</source>
        <translation>Es braucht nichts, was einem gewöhnlichen Benutzer fehlt: Führen Sie es als eigenen Benutzer unter einer gehärteten Unit ganz ohne Capabilities aus.</translation>
    </message>
    <message>
        <source>There is no privileged command to give it through sudo.</source>
        <translation>Es gibt keinen privilegierten Befehl, den man ihm über sudo geben müsste.</translation>
    </message>
    <message>
        <source>It needs only to run %1 as root: a sudo rule for that command with fixed arguments beats any capability on the agent itself.</source>
        <translation>Es muss nur %1 als root ausführen: Eine sudo-Regel für diesen Befehl mit festen Argumenten ist besser als jede Capability auf dem Agenten selbst.</translation>
    </message>
    <message>
        <source>Capabilities on the agent would give it what only %1 needs.</source>
        <translation>Capabilities auf dem Agenten gäben ihm, was nur %1 braucht.</translation>
    </message>
    <message>
        <source>It needs %1, which is root-equivalent: capabilities would be little better than root.</source>
        <translation>Es braucht %1, was root gleichkommt: Capabilities wären kaum besser als root.</translation>
    </message>
    <message>
        <source>Isolation limits what a root-equivalent capability can reach.</source>
        <translation>Isolation begrenzt, was eine root-gleiche Capability erreichen kann.</translation>
    </message>
    <message>
        <source>A narrow sudo rule gives that power to one command, not to the whole agent.</source>
        <translation>Eine enge sudo-Regel gibt diese Macht einem Befehl, nicht dem ganzen Agenten.</translation>
    </message>
    <message>
        <source>It needs membership in %1, which amounts to root.</source>
        <translation>Es braucht die Mitgliedschaft in %1, was root gleichkommt.</translation>
    </message>
    <message>
        <source>A script cannot hold file capabilities: the unit grants them with AmbientCapabilities= instead.</source>
        <translation>Ein Skript kann keine Datei-Capabilities halten: Die Unit gewährt sie stattdessen mit AmbientCapabilities=.</translation>
    </message>
    <message>
        <source>A script cannot hold file capabilities, and a program another agent calls has no unit to grant them: give the one privileged command a sudo rule for the calling user.</source>
        <translation>Ein Skript kann keine Datei-Capabilities halten, und ein Programm, das ein anderer Agent aufruft, hat keine Unit, die sie gewähren könnte: Geben Sie dem einen privilegierten Befehl eine sudo-Regel für den aufrufenden Benutzer.</translation>
    </message>
    <message>
        <source>A script cannot hold file capabilities, and without systemd nothing else can grant them: give the one privileged command a sudo rule.</source>
        <translation>Ein Skript kann keine Datei-Capabilities halten, und ohne systemd kann nichts anderes sie gewähren: Geben Sie dem einen privilegierten Befehl eine sudo-Regel.</translation>
    </message>
    <message>
        <source>Another agent calls it, so it has no unit of its own: the capabilities must sit on the file (setcap), and everyone who may run it gets them.</source>
        <translation>Ein anderer Agent ruft es auf, daher hat es keine eigene Unit: Die Capabilities müssen auf der Datei sitzen (setcap), und jeder, der es ausführen darf, bekommt sie.</translation>
    </message>
    <message>
        <source>Without systemd the capabilities must sit on the file (setcap): everyone who may run it gets them, and package upgrades drop them.</source>
        <translation>Ohne systemd müssen die Capabilities auf der Datei sitzen (setcap): Jeder, der es ausführen darf, bekommt sie, und Paket-Upgrades verwerfen sie.</translation>
    </message>
    <message>
        <source>Package %1 owns the program, and an upgrade unpacks a new file without the capabilities setcap gave the old one: the unit grants them with AmbientCapabilities= in a drop-in under /etc/systemd/system instead, which no package upgrade touches, so the grant survives upgrades by construction.</source>
        <translation>Das Paket %1 besitzt das Programm, und ein Upgrade entpackt eine neue Datei ohne die Capabilities, die setcap der alten gab: Die Unit gewährt sie stattdessen mit AmbientCapabilities= in einem Drop-in unter /etc/systemd/system, das kein Paket-Upgrade berührt, also übersteht die Gewährung Upgrades von selbst.</translation>
    </message>
    <message>
        <source>Package %1 owns the program: every upgrade drops capabilities set with setcap. Deroot&apos;s dpkg trigger and apt hook set them again after each one, but only while the program is the one approved (its SHA-256): a new version needs a new plan.</source>
        <translation>Das Paket %1 besitzt das Programm: Jedes Upgrade verwirft mit setcap gesetzte Capabilities. Deroots dpkg-Trigger und apt-Hook setzen sie nach jedem erneut, aber nur, solange das Programm das genehmigte ist (seine SHA-256): Eine neue Version braucht einen neuen Plan.</translation>
    </message>
    <message>
        <source>The unit grants the capabilities with AmbientCapabilities= (a drop-in for a unit of the vendor&apos;s), not on the program&apos;s file: an update of the program cannot drop them, so the grant survives upgrades by construction.</source>
        <translation>Die Unit gewährt die Capabilities mit AmbientCapabilities= (ein Drop-in für eine Unit des Herstellers), nicht auf der Programmdatei: Ein Update des Programms kann sie nicht verwerfen, also übersteht die Gewährung Upgrades von selbst.</translation>
    </message>
    <message>
        <source>Another agent calls it: a container would run it as a service of its own instead, which changes how it is started.</source>
        <translation>Ein anderer Agent ruft es auf: Ein Container würde es stattdessen als eigenen Dienst ausführen, was ändert, wie es gestartet wird.</translation>
    </message>
    <message>
        <source>Another agent calls it: a sudo rule lets only that agent&apos;s user run it as root, with the arguments it is called with.</source>
        <translation>Ein anderer Agent ruft es auf: Eine sudo-Regel lässt nur den Benutzer dieses Agenten es als root ausführen, mit den Argumenten, mit denen es aufgerufen wird.</translation>
    </message>
    <message>
        <source>Without systemd the agent&apos;s own start script runs it as its user and calls sudo for the command.</source>
        <translation>Ohne systemd führt das eigene Startskript des Agenten ihn als seinen Benutzer aus und ruft sudo für den Befehl auf.</translation>
    </message>
    <message>
        <source>network</source>
        <translation>das Netz</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>die Prozesse</translation>
    </message>
    <message>
        <source>file systems (read-only)</source>
        <translation>die Dateisysteme (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Not in a hardened container: %1 (the catalog entry %2).</source>
        <translation>Nicht in einem gehärteten Container: %1 (der Katalogeintrag %2).</translation>
    </message>
    <message>
        <source>A container must share the host&apos;s %1 for it: %2 (the catalog entry %3).</source>
        <translation>Ein Container muss dafür %1 des Hosts mitnutzen: %2 (der Katalogeintrag %3).</translation>
    </message>
    <message>
        <source>On a server or VM, the usual choice: the agent runs as its own user under a hardened systemd unit, with only the capabilities it needs.</source>
        <translation>Auf einem Server oder in einer VM die übliche Wahl: Der Agent läuft als eigener Benutzer in einer gehärteten systemd-Unit, mit nur den Capabilities, die er braucht.</translation>
    </message>
    <message>
        <source>On Kubernetes and other container platforms, the agent runs like every other workload: in a hardened container.</source>
        <translation>Auf Kubernetes und anderen Container-Plattformen läuft der Agent wie jede andere Anwendung dort: in einem gehärteten Container.</translation>
    </message>
    <message>
        <source>On a legacy system, where how the agent runs cannot change, sudo rules let its own user run only the few commands that need root.</source>
        <translation>Auf einem Altsystem, auf dem sich nicht ändern lässt, wie der Agent läuft, erlauben sudo-Regeln seinem eigenen Benutzer nur die wenigen Befehle, die root brauchen.</translation>
    </message>
    <message>
        <source>An untrusted or third-party agent belongs in a container: even when compromised, it stays trapped there.</source>
        <translation>Ein nicht vertrauenswürdiger Agent oder einer von Dritten gehört in einen Container: Selbst kompromittiert bleibt er dort eingesperrt.</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Rules</name>
    <message>
        <source>the service group %1 is a group whose members are as good as root: an agent gets a group of its own</source>
        <translation>Die Dienstgruppe %1 ist eine Gruppe, deren Mitglieder so gut wie root sind: ein Agent bekommt eine eigene Gruppe</translation>
    </message>
    <message>
        <source>the supplementary group %1 gives sudo or root itself: no agent may be put into it</source>
        <translation>Die zusätzliche Gruppe %1 gibt sudo oder root selbst: kein Agent darf in sie aufgenommen werden</translation>
    </message>
    <message>
        <source>file capabilities on %1 are refused: it is a shell or an interpreter, so every user could run any code with them; run it under systemd instead</source>
        <translation>Datei-Capabilities auf %1 werden abgelehnt: es ist eine Shell oder ein Interpreter, also könnte jeder Benutzer beliebigen Code damit ausführen; starten Sie es stattdessen unter systemd</translation>
    </message>
    <message>
        <source>the built-in list of programs never to allow through sudo could not be read</source>
        <translation>Die eingebaute Liste der Programme, die nie über sudo erlaubt werden, konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>sudo command %1 is refused: through sudo it gives %2 as root whatever its arguments</source>
        <translation>Der sudo-Befehl %1 wird abgelehnt: über sudo gibt er %2 als root, gleich mit welchen Argumenten</translation>
    </message>
    <message>
        <source> (to %1)</source>
        <translation> (auf %1)</translation>
    </message>
    <message>
        <source>is a symlink%1, not a regular file: sudo would run whatever it points to, which these checks never saw</source>
        <translation>ist ein symbolischer Link%1, keine reguläre Datei: sudo würde ausführen, worauf er zeigt, und das haben diese Prüfungen nie gesehen</translation>
    </message>
    <message>
        <source>is a symlink%1, not a directory: sudo would run whatever it points to, which these checks never saw</source>
        <translation>ist ein symbolischer Link%1, kein Verzeichnis: sudo würde ausführen, worauf er zeigt, und das haben diese Prüfungen nie gesehen</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>is not a directory</source>
        <translation>ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>is owned by uid %1, not root, so someone other than root can change what runs as root</source>
        <translation>gehört uid %1, nicht root, also kann jemand anderes als root ändern, was als root läuft</translation>
    </message>
    <message>
        <source>is writable by others (mode %1), so someone other than root can change what runs as root</source>
        <translation>ist für alle beschreibbar (Modus %1), also kann jemand anderes als root ändern, was als root läuft</translation>
    </message>
    <message>
        <source>is writable by its group (mode %1), so someone other than root can change what runs as root</source>
        <translation>ist für seine Gruppe beschreibbar (Modus %1), also kann jemand anderes als root ändern, was als root läuft</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::StartMode</name>
    <message>
        <source>It runs under %1.</source>
        <translation>Er läuft unter %1.</translation>
    </message>
    <message>
        <source>The process runs under %1.</source>
        <translation>Der Prozess läuft unter %1.</translation>
    </message>
    <message>
        <source>Its package ships %1.</source>
        <translation>Sein Paket liefert %1 mit.</translation>
    </message>
    <message>
        <source>Other agents run %1 (the catalog entry %2): it is not a service of its own.</source>
        <translation>Andere Agenten führen %1 aus (Katalogeintrag %2): Es ist kein eigener Dienst.</translation>
    </message>
    <message>
        <source>Nothing starts it yet: Deroot makes a unit for it.</source>
        <translation>Noch startet ihn nichts: Deroot legt eine Unit für ihn an.</translation>
    </message>
    <message>
        <source>%1 runs it through sudo (%2): the plan grants that user.</source>
        <translation>%1 führt ihn über sudo aus (%2): der Plan berechtigt diesen Benutzer.</translation>
    </message>
    <message>
        <source>%1 run it through sudo (%2): say which agent&apos;s user calls it.</source>
        <translation>%1 führen ihn über sudo aus (%2): geben Sie an, welcher Benutzer eines Agenten ihn aufruft.</translation>
    </message>
    <message>
        <source>cron runs it as %1 on the schedule %2 (%3), which has no OnCalendar= equivalent: give the timer&apos;s schedule. Remove that cron line after the apply, or it runs twice.</source>
        <translation>cron führt ihn als %1 nach dem Zeitplan %2 aus (%3), der keine Entsprechung in OnCalendar= hat: geben Sie den Zeitplan des Timers an. Entfernen Sie diese cron-Zeile nach dem Anwenden, sonst läuft er doppelt.</translation>
    </message>
    <message>
        <source>cron runs it as %1 on the schedule %2 (%3): the plan&apos;s timer takes over. Remove that cron line after the apply, or it runs twice.</source>
        <translation>cron führt ihn als %1 nach dem Zeitplan %2 aus (%3): der Timer des Plans übernimmt. Entfernen Sie diese cron-Zeile nach dem Anwenden, sonst läuft er doppelt.</translation>
    </message>
    <message>
        <source>It runs inside %1, whose agent %2 started it as %3: that agent calls it.</source>
        <translation>Er läuft in %1, dessen Agent %2 ihn als %3 gestartet hat: dieser Agent ruft ihn auf.</translation>
    </message>
    <message>
        <source>outside any unit</source>
        <translation>außerhalb jeder Unit</translation>
    </message>
    <message>
        <source>outside any system unit (in %1)</source>
        <translation>außerhalb jeder System-Unit (in %1)</translation>
    </message>
    <message>
        <source>It runs today as process %1 %2, started by hand or by a script: the plan starts its own copy and leaves that one running. Stop it before the apply, or two copies run and the second may not get its port.</source>
        <translation>Er läuft heute als Prozess %1 %2, von Hand oder von einem Skript gestartet: der Plan startet eine eigene Kopie und lässt diese weiterlaufen. Beenden Sie ihn vor dem Anwenden, sonst laufen zwei Kopien und die zweite bekommt ihren Port womöglich nicht.</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Validate</name>
    <message>
        <source>%1 is not installed here: not checked</source>
        <translation>%1 ist hier nicht installiert: nicht geprüft</translation>
    </message>
    <message>
        <source>apparmor_parser: the profile could not be staged for checking</source>
        <translation>apparmor_parser: Das Profil konnte nicht zur Prüfung bereitgelegt werden</translation>
    </message>
    <message>
        <source>%1: OK</source>
        <translation>%1: OK</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: failed with exit code %2</source>
        <translation>%1: fehlgeschlagen mit Exit-Code %2</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 did not finish</source>
        <translation>%1 wurde nicht fertig</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1: Warnung: %2</translation>
    </message>
    <message>
        <source>systemd-analyze security: no score (exit code %1)</source>
        <translation>systemd-analyze security: kein Wert (Exit-Code %1)</translation>
    </message>
    <message>
        <source>exposure %1 %2</source>
        <translation>Exposition %1 %2</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Verdict</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>it needs %1, and %2 only in some configurations</source>
        <translation>es braucht %1, und %2 nur in manchen Konfigurationen</translation>
    </message>
    <message>
        <source>it needs %1</source>
        <translation>es braucht %1</translation>
    </message>
    <message>
        <source>it needs no capability, only %1 in some configurations</source>
        <translation>es braucht keine Capability, nur in manchen Konfigurationen %1</translation>
    </message>
    <message>
        <source>it needs no capability, only to run %1 as root</source>
        <translation>es braucht keine Capability, nur %1 als root auszuführen</translation>
    </message>
    <message>
        <source>the inspection found no capability it needs</source>
        <translation>die Untersuchung fand keine Capability, die es braucht</translation>
    </message>
    <message>
        <source>Not running, and its file grants nothing: it runs as root only if you start it as root; %1</source>
        <translation>Läuft nicht, und seine Datei gewährt nichts: Es läuft nur als root, wenn Sie es als root starten; %1</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as %2, but the program is set-uid root and nothing in the unit stops it from becoming root; %3</source>
        <translation>Seine Unit %1 führt es als %2 aus, aber das Programm ist set-uid root, und nichts in der Unit hindert es daran, root zu werden; %3</translation>
    </message>
    <message>
        <source>Set-uid root: everyone who runs it runs it as root; %1</source>
        <translation>Set-uid root: Jeder, der es ausführt, führt es als root aus; %1</translation>
    </message>
    <message>
        <source>a dynamic user</source>
        <translation>dynamischer Benutzer</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Its file capabilities give everyone who runs it %1, which amounts to root; %2</source>
        <translation>Seine Datei-Capabilities geben jedem, der es ausführt, %1, was root gleichkommt; %2</translation>
    </message>
    <message>
        <source>Set-gid %1: everyone who runs it gets group %1, which amounts to root; %2</source>
        <translation>Set-gid %1: Jeder, der es ausführt, erhält die Gruppe %1, was root gleichkommt; %2</translation>
    </message>
    <message>
        <source>Nothing to de-root: its file capabilities already give it only %1, not root; it needs root only if you run it as root</source>
        <translation>Nichts zu tun: Seine Datei-Capabilities geben ihm bereits nur %1, nicht root; root braucht es nur, wenn Sie es als root ausführen</translation>
    </message>
    <message>
        <source>Set-uid %1: everyone who runs it runs it as %1, not root; it needs root only if you run it as root</source>
        <translation>Set-uid %1: Jeder, der es ausführt, führt es als %1 aus, nicht als root; root braucht es nur, wenn Sie es als root ausführen</translation>
    </message>
    <message>
        <source>Set-gid %1: everyone who runs it gets group %1, not root; it needs root only if you run it as root</source>
        <translation>Set-gid %1: Jeder, der es ausführt, erhält die Gruppe %1, nicht root; root braucht es nur, wenn Sie es als root ausführen</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as %2, not root, but %3 amounts to root; %4</source>
        <translation>Seine Unit %1 führt es als %2 aus, nicht als root, aber %3 kommt root gleich; %4</translation>
    </message>
    <message>
        <source>Runs as %1, not root, but %2 amounts to root; %3</source>
        <translation>Läuft als %1, nicht als root, aber %2 kommt root gleich; %3</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as %2, not root, but also grants %3, which the evidence does not show it needs; %4</source>
        <translation>Seine Unit %1 führt es als %2 aus, nicht als root, gewährt aber auch %3, wofür die Belege keinen Bedarf zeigen; %4</translation>
    </message>
    <message>
        <source>Runs as %1, not root, but also holds %2, which the evidence does not show it needs; %3</source>
        <translation>Läuft als %1, nicht als root, hat aber auch %2, wofür die Belege keinen Bedarf zeigen; %3</translation>
    </message>
    <message>
        <source>with all capabilities</source>
        <translation>mit allen Capabilities</translation>
    </message>
    <message>
        <source>with no capabilities</source>
        <translation>ohne Capabilities</translation>
    </message>
    <message>
        <source>with every capability but %1</source>
        <translation>mit allen Capabilities außer %1</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source>with only %1</source>
        <translation>nur mit %1</translation>
    </message>
    <message>
        <source>Its unit %1 starts it as root (&apos;+&apos; or &apos;!&apos; on ExecStart=) although User=%2, %3; %4</source>
        <translation>Seine Unit %1 startet es als root („+“ oder „!“ bei ExecStart=), obwohl User=%2, %3; %4</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as root %2; %3</source>
        <translation>Seine Unit %1 führt es als root %2 aus; %3</translation>
    </message>
    <message>
        <source>Runs as root %1; %2</source>
        <translation>Läuft als root %1; %2</translation>
    </message>
    <message>
        <source>Its unit %1 already runs it as %2 %3: nothing to de-root</source>
        <translation>Seine Unit %1 führt es bereits als %2 %3 aus: nichts zu tun</translation>
    </message>
    <message>
        <source>Already runs as %1 %2: nothing to de-root</source>
        <translation>Läuft bereits als %1 %2: nichts zu tun</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AddCapabilityDialog</name>
    <message>
        <source>Add capability</source>
        <translation>Capability hinzufügen</translation>
    </message>
    <message>
        <source>Find a capability by name or by what it allows</source>
        <translation>Eine Capability nach Name oder nach dem suchen, was sie erlaubt</translation>
    </message>
    <message>
        <source>Type to filter, e.g. net_bind or clock</source>
        <translation>Zum Filtern tippen, z. B. net_bind oder clock</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Capabilities to add; check one or more</source>
        <translation>Capabilities zum Hinzufügen; eine oder mehrere ankreuzen</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capability</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Was sie erlaubt</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AdjustPage</name>
    <message>
        <source>Root-equivalent</source>
        <translation>Root-gleichwertig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Resource &amp;limits</source>
        <translation>Ressourcen&amp;grenzen</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Paths it reads</source>
        <translation>Pfade, die er liest</translation>
    </message>
    <message>
        <source>Paths it writes</source>
        <translation>Pfade, die er schreibt</translation>
    </message>
    <message>
        <source>Service user name</source>
        <translation>Name des Dienstbenutzers</translation>
    </message>
    <message>
        <source>The system user the agent runs as; created by the plan if it does not exist</source>
        <translation>Der Systembenutzer, unter dem der Agent läuft; der Plan legt ihn an, falls es ihn nicht gibt</translation>
    </message>
    <message>
        <source>Capabilities the agent gets; check to grant</source>
        <translation>Capabilities, die der Agent erhält; zum Gewähren ankreuzen</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capability</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Was sie erlaubt</translation>
    </message>
    <message>
        <source>Commands the agent may run through sudo; check to allow</source>
        <translation>Befehle, die der Agent über sudo ausführen darf; zum Erlauben ankreuzen</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Ports it listens on</source>
        <translation>Ports, auf denen er lauscht</translation>
    </message>
    <message>
        <source> % of one CPU</source>
        <translation> % einer CPU</translation>
    </message>
    <message>
        <source>CPU quota</source>
        <translation>CPU-Kontingent</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Speichergrenze</translation>
    </message>
    <message>
        <source>Task limit</source>
        <translation>Task-Grenze</translation>
    </message>
    <message>
        <source>&amp;CPU:</source>
        <translation>&amp;CPU:</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>&amp;Tasks:</source>
        <translation>&amp;Tasks:</translation>
    </message>
    <message>
        <source>Service &amp;user:</source>
        <translation>Dienst&amp;benutzer:</translation>
    </message>
    <message>
        <source>&amp;Reads:</source>
        <translation>&amp;Liest:</translation>
    </message>
    <message>
        <source>&amp;Writes:</source>
        <translation>Sch&amp;reibt:</translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation>&amp;Ports:</translation>
    </message>
    <message>
        <source>Commands through &amp;sudo:</source>
        <translation>Befehle über &amp;sudo:</translation>
    </message>
    <message>
        <source>This gives no valid plan: %1</source>
        <translation>Das ergibt keinen gültigen Plan: %1</translation>
    </message>
    <message>
        <source> (optional need)</source>
        <translation> (optionaler Bedarf)</translation>
    </message>
    <message>
        <source>(no arguments)</source>
        <translation>(keine Argumente)</translation>
    </message>
    <message>
        <source>NOEXEC: it cannot start other programs</source>
        <translation>NOEXEC: kann keine anderen Programme starten</translation>
    </message>
    <message>
        <source>Gives a shell through sudo (%1): refused</source>
        <translation>Gibt über sudo eine Shell (%1): abgelehnt</translation>
    </message>
    <message>
        <source>Device nodes it opens</source>
        <translation>Gerätedateien, die er öffnet</translation>
    </message>
    <message>
        <source>Supplementary groups</source>
        <translation>Zusätzliche Gruppen</translation>
    </message>
    <message>
        <source>Groups the service user joins besides its own, comma-separated</source>
        <translation>Gruppen, denen der Dienstbenutzer außer seiner eigenen angehört, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Container image</source>
        <translation>Container-Image</translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation>G&amp;eräte:</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>Gr&amp;uppen:</translation>
    </message>
    <message>
        <source>Container &amp;image:</source>
        <translation>Container-&amp;Image:</translation>
    </message>
    <message>
        <source>Kept from your adjustments to the previous method: %1.</source>
        <translation>Aus Ihren Anpassungen an der vorigen Methode übernommen: %1.</translation>
    </message>
    <message>
        <source>Ports kept as they were: %1</source>
        <translation>Ports unverändert gelassen: %1</translation>
    </message>
    <message>
        <source>Command line after the program</source>
        <translation>Befehlszeile nach dem Programm</translation>
    </message>
    <message>
        <source>The arguments the agent runs with today, as a shell would split them; for a called program under sudo, the exact arguments the rule allows</source>
        <translation>Die Argumente, mit denen der Agent heute läuft, so aufgeteilt wie eine Shell es täte; für ein über sudo aufgerufenes Programm genau die Argumente, die die Regel erlaubt</translation>
    </message>
    <message>
        <source>Environment settings</source>
        <translation>Umgebungseinstellungen</translation>
    </message>
    <message>
        <source>Environment files</source>
        <translation>Umgebungsdateien</translation>
    </message>
    <message>
        <source>&amp;Keep going: let it listen where its defaults say</source>
        <translation>&amp;Weiter: Er soll dort lauschen, wo seine Voreinstellung es sagt</translation>
    </message>
    <message>
        <source>Keep going: let it listen where its defaults say</source>
        <translation>Weiter: Er soll dort lauschen, wo seine Voreinstellung es sagt</translation>
    </message>
    <message>
        <source>C&amp;ommand line:</source>
        <translation>Be&amp;fehlszeile:</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>U&amp;mgebung:</translation>
    </message>
    <message>
        <source>Environment &amp;files:</source>
        <translation>Umgebungs&amp;dateien:</translation>
    </message>
    <message>
        <source>Keep the address on the command line, or confirm that this is what you want.</source>
        <translation>Behalten Sie die Adresse in der Befehlszeile, oder bestätigen Sie, dass Sie genau das wollen.</translation>
    </message>
    <message>
        <source>One absolute path a line, for example: /var/lib/agent</source>
        <translation>Ein absoluter Pfad je Zeile, zum Beispiel: /var/lib/agent</translation>
    </message>
    <message>
        <source>Commands through sudo</source>
        <translation>Befehle über sudo</translation>
    </message>
    <message>
        <source>One device node a line, for example: /dev/ipmi0</source>
        <translation>Eine Gerätedatei je Zeile, zum Beispiel: /dev/ipmi0</translation>
    </message>
    <message>
        <source>&amp;Add capability…</source>
        <translation>Capability hi&amp;nzufügen…</translation>
    </message>
    <message>
        <source>Choose from every other capability, with its risk and what it allows</source>
        <translation>Aus allen anderen Capabilities wählen, mit ihrem Risiko und dem, was sie erlauben</translation>
    </message>
    <message>
        <source>for example: tcp/9100 udp/161</source>
        <translation>zum Beispiel: tcp/9100 udp/161</translation>
    </message>
    <message>
        <source>for example: adm, systemd-journal</source>
        <translation>zum Beispiel: adm, systemd-journal</translation>
    </message>
    <message>
        <source>for example: registry.example.org/agent:1.2</source>
        <translation>zum Beispiel: registry.example.org/agent:1.2</translation>
    </message>
    <message>
        <source>for example: NAME=value NAME2=&apos;with spaces&apos;</source>
        <translation>zum Beispiel: NAME=Wert NAME2=&apos;mit Leerzeichen&apos;</translation>
    </message>
    <message>
        <source>for example: /etc/default/agent, -/etc/agent.env</source>
        <translation>zum Beispiel: /etc/default/agent, -/etc/agent.env</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Files &amp;&amp; devices</source>
        <translation>Dateien &amp;&amp; Geräte</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>A program another agent calls runs as its caller: it has no user, groups or environment of its own.</source>
        <translation>Ein Programm, das ein anderer Agent aufruft, läuft als sein Aufrufer: Es hat keinen eigenen Benutzer, keine eigenen Gruppen und keine eigene Umgebung.</translation>
    </message>
    <message>
        <source>In the container it runs as an unprivileged user of the container, not as a user of this machine.</source>
        <translation>Im Container läuft er als unprivilegierter Benutzer des Containers, nicht als Benutzer dieser Maschine.</translation>
    </message>
    <message>
        <source>Its caller gives the arguments at each call; only a sudo rule fixes them.</source>
        <translation>Sein Aufrufer gibt die Argumente bei jedem Aufruf an; nur eine sudo-Regel legt sie fest.</translation>
    </message>
    <message>
        <source>The container publishes these ports.</source>
        <translation>Der Container veröffentlicht diese Ports.</translation>
    </message>
    <message>
        <source>The unit keeps the network open for these ports, and “Prove it” checks that the agent listens on them. systemd does not hold it to them.</source>
        <translation>Die Unit hält das Netzwerk für diese Ports offen, und „Erproben“ prüft, dass der Agent auf ihnen lauscht. systemd beschränkt ihn nicht auf sie.</translation>
    </message>
    <message>
        <source>The sudo method gives the agent itself no capability: only the commands below run as root.</source>
        <translation>Die sudo-Methode gibt dem Agenten selbst keine Capability: Nur die Befehle unten laufen als root.</translation>
    </message>
    <message>
        <source>The image the container runs. Filled in from the agent&apos;s catalog entry when its upstream publishes one; pin the digest you reviewed (name@sha256:...).</source>
        <translation>Das Image, das der Container ausführt. Aus dem Katalogeintrag des Agenten übernommen, wenn dessen Upstream eines veröffentlicht; legen Sie den geprüften Digest fest (Name@sha256:...).</translation>
    </message>
    <message>
        <source>Give the image the container runs (registry/name:tag): the catalog names none for this agent.</source>
        <translation>Geben Sie das Image an, das der Container ausführt (Registry/Name:Tag): Der Katalog nennt keines für diesen Agenten.</translation>
    </message>
    <message>
        <source>Capab&amp;ilities granted and suggested (a red shield marks the root-equivalent ones):</source>
        <translation>C&amp;apabilities, gewährt und vorgeschlagen (ein rotes Schild markiert die root-gleichwertigen):</translation>
    </message>
    <message>
        <source>Limits keep an agent caught in a runaway loop from taking the whole machine down with it.</source>
        <translation>Grenzen verhindern, dass ein Agent in einer außer Kontrolle geratenen Schleife die ganze Maschine mit sich reißt.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AgentPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <source>Running processes</source>
        <translation>Laufende Prozesse</translation>
    </message>
    <message>
        <source>Systemd services</source>
        <translation>Systemd-Dienste</translation>
    </message>
    <message>
        <source>C&amp;ancel inspection</source>
        <translation>Untersuchung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Choose the agent</source>
        <translation>Agent wählen</translation>
    </message>
    <message>
        <source>Deroot inspects the program to find what it really needs that an ordinary user lacks. Type or browse to its program file, drop the file here, or pick a running process or a service.</source>
        <translation>Deroot untersucht das Programm, um herauszufinden, was es wirklich braucht und ein gewöhnlicher Benutzer nicht hat. Geben Sie seine Programmdatei ein oder wählen Sie sie aus, legen Sie die Datei hier ab oder wählen Sie einen laufenden Prozess oder einen Dienst.</translation>
    </message>
    <message>
        <source>&amp;Program file:</source>
        <translation>&amp;Programmdatei:</translation>
    </message>
    <message>
        <source>Program file</source>
        <translation>Programmdatei</translation>
    </message>
    <message>
        <source>/usr/bin/fping</source>
        <translation>/usr/bin/fping</translation>
    </message>
    <message>
        <source>Filter the processes</source>
        <translation>Prozesse filtern</translation>
    </message>
    <message>
        <source>Filter by name, user, unit or program</source>
        <translation>Nach Name, Benutzer, Unit oder Programm filtern</translation>
    </message>
    <message>
        <source>Processes marked with the red shield run as root.</source>
        <translation>Mit dem roten Schild markierte Prozesse laufen als root.</translation>
    </message>
    <message>
        <source>Filter the services</source>
        <translation>Dienste filtern</translation>
    </message>
    <message>
        <source>Filter by unit or description</source>
        <translation>Nach Unit oder Beschreibung filtern</translation>
    </message>
    <message>
        <source>Recent agents</source>
        <translation>Zuletzt untersuchte Agenten</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Dienste</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Zuletzt</translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation>Untersuchung läuft</translation>
    </message>
    <message>
        <source>Drop a program file here, or choose one.</source>
        <translation>Legen Sie hier eine Programmdatei ab oder wählen Sie eine.</translation>
    </message>
    <message>
        <source>Choose the agent&apos;s program</source>
        <translation>Programm des Agenten wählen</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>%1 wird untersucht …</translation>
    </message>
    <message>
        <source>Inspected %1. Continue with Next.</source>
        <translation>%1 untersucht. Weiter mit „Weiter“.</translation>
    </message>
    <message>
        <source>%1 cannot be inspected: %2</source>
        <translation>%1 kann nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>Inspection cancelled.</source>
        <translation>Untersuchung abgebrochen.</translation>
    </message>
    <message>
        <source>Only local files can be inspected: drop the agent&apos;s program file.</source>
        <translation>Nur lokale Dateien können untersucht werden: Legen Sie die Programmdatei des Agenten ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n files were dropped: drop one agent&apos;s program file at a time.</source>
        <translation>
            <numerusform>%n Datei wurde abgelegt: Legen Sie jeweils die Programmdatei eines Agenten ab.</numerusform>
            <numerusform>%n Dateien wurden abgelegt: Legen Sie jeweils die Programmdatei eines Agenten ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a folder: drop the agent&apos;s program file, not its folder.</source>
        <translation>%1 ist ein Ordner: Legen Sie die Programmdatei des Agenten ab, nicht seinen Ordner.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Runs as root</source>
        <translation>Läuft als root</translation>
    </message>
    <message>
        <source>%1, runs as root</source>
        <translation>%1, läuft als root</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>No agent inspected yet.</source>
        <translation>Noch kein Agent untersucht.</translation>
    </message>
    <message>
        <source>Running pro&amp;cesses</source>
        <translation>Laufende P&amp;rozesse</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>List the running processes and the services again (F5). The lists also refresh by themselves every few seconds.</source>
        <translation>Die laufenden Prozesse und die Dienste neu auflisten (F5). Die Listen werden auch alle paar Sekunden von selbst aktualisiert.</translation>
    </message>
    <message>
        <source>Inspecting %1, the program %2 starts…</source>
        <translation>%1 wird untersucht, das Programm, das %2 startet …</translation>
    </message>
    <message>
        <source>The services cannot be listed here: %1. Choose the program file or a running process instead.</source>
        <translation>Die Dienste können hier nicht aufgelistet werden: %1. Wählen Sie stattdessen die Programmdatei oder einen laufenden Prozess.</translation>
    </message>
    <message>
        <source>systemd is not running here, so these are the installed unit files. Choosing one inspects the program it starts.</source>
        <translation>systemd läuft hier nicht, daher sind dies die installierten Unit-Dateien. Wenn Sie eine wählen, wird das Programm untersucht, das sie startet.</translation>
    </message>
    <message>
        <source>From the fleet audit of host %1: Deroot inspects this machine&apos;s copy of %2, and the plan is for %1. Export it and apply it there; apply it here only if this machine runs the same agent.</source>
        <translation>Aus der Flottenprüfung des Hosts %1: Deroot untersucht die Kopie von %2 auf dieser Maschine, und der Plan ist für %1. Exportieren Sie ihn und wenden Sie ihn dort an; hier nur, wenn diese Maschine denselben Agenten betreibt.</translation>
    </message>
    <message>
        <source>Masked: systemd refuses to start this service, so there is nothing to inspect.</source>
        <translation>Maskiert: systemd startet diesen Dienst nicht, daher gibt es nichts zu untersuchen.</translation>
    </message>
    <message>
        <source>No unit file defines this service: another unit names it, but it is not installed. There is nothing to inspect.</source>
        <translation>Keine Unit-Datei definiert diesen Dienst: Eine andere Unit nennt ihn, aber er ist nicht installiert. Es gibt nichts zu untersuchen.</translation>
    </message>
    <message>
        <source>Masked: cannot be started</source>
        <translation>Maskiert: kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Made by systemd at boot</source>
        <translation>Beim Hochfahren von systemd erzeugt</translation>
    </message>
    <message>
        <source>Not installed: no unit file</source>
        <translation>Nicht installiert: keine Unit-Datei</translation>
    </message>
    <message>
        <source>Not loaded: its unit file has errors</source>
        <translation>Nicht geladen: Seine Unit-Datei enthält Fehler</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Ran and finished</source>
        <translation>Gelaufen und beendet</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Reloading</source>
        <translation>Lädt neu</translation>
    </message>
    <message>
        <source>Starts at boot</source>
        <translation>Startet beim Hochfahren</translation>
    </message>
    <message>
        <source>Not started at boot</source>
        <translation>Startet nicht beim Hochfahren</translation>
    </message>
    <message>
        <source>Started by other units</source>
        <translation>Von anderen Units gestartet</translation>
    </message>
    <message>
        <source>Matching folders and programs</source>
        <translation>Passende Ordner und Programme</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AgentWizard</name>
    <message>
        <source>Deroot</source>
        <translation>Deroot</translation>
    </message>
    <message>
        <source>&amp;Audit this machine…</source>
        <translation>Diese &amp;Maschine prüfen …</translation>
    </message>
    <message>
        <source>List the agents that run as root here and the programs that hand out root; open any of them in the wizard</source>
        <translation>Die Agenten auflisten, die hier als root laufen, und die Programme, die root-Rechte vergeben; jeden davon im Assistenten öffnen</translation>
    </message>
    <message>
        <source>Discard this plan?</source>
        <translation>Diesen Plan verwerfen?</translation>
    </message>
    <message>
        <source>The plan for %1 was neither exported nor applied. If you leave now, the inspection and your choices are lost.</source>
        <translation>Der Plan für %1 wurde weder exportiert noch angewendet. Wenn Sie jetzt gehen, sind die Untersuchung und Ihre Entscheidungen verloren.</translation>
    </message>
    <message>
        <source>%1 was inspected, but no plan was exported or applied. If you leave now, the inspection and your choices are lost.</source>
        <translation>%1 wurde untersucht, aber kein Plan wurde exportiert oder angewendet. Wenn Sie jetzt gehen, sind die Untersuchung und Ihre Entscheidungen verloren.</translation>
    </message>
    <message>
        <source>&amp;Discard and leave</source>
        <translation>&amp;Verwerfen und beenden</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Bleiben</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>What this step is for (F1)</source>
        <translation>Wozu dieser Schritt dient (F1)</translation>
    </message>
    <message>
        <source>Pick the agent to run without root: its program file, a running process or a systemd service. Deroot reads the program (what it is built from, its file capabilities, its package) and, for a process or a service, how it runs now: its user, its capabilities, its open ports.</source>
        <translation>Wählen Sie den Agenten, der ohne root laufen soll: seine Programmdatei, einen laufenden Prozess oder einen systemd-Dienst. Deroot liest das Programm (woraus es gebaut ist, seine Datei-Capabilities, sein Paket) und bei einem Prozess oder Dienst, wie er jetzt läuft: seinen Benutzer, seine Capabilities, seine offenen Ports.</translation>
    </message>
    <message>
        <source>What the agent needs that an ordinary user lacks, each with the evidence for it. “Watch it run” records what it really uses while it works, which is surer than reading the program.</source>
        <translation>Was der Agent braucht, das einem gewöhnlichen Benutzer fehlt, jeweils mit dem Beleg dafür. „Beim Laufen beobachten“ zeichnet auf, was er bei der Arbeit wirklich nutzt; das ist sicherer, als das Programm zu lesen.</translation>
    </message>
    <message>
        <source>Where the agent runs and whose code it is. The answers decide which way of running it without root fits: a container suits an untrusted agent in a cluster, a hardened service a server.</source>
        <translation>Wo der Agent läuft und von wem sein Code stammt. Die Antworten entscheiden, welcher Weg ohne root passt: ein Container für einen nicht vertrauenswürdigen Agenten in einem Cluster, ein gehärteter Dienst für einen Server.</translation>
    </message>
    <message>
        <source>The three ways to run the agent without root, best first for this agent: a service user with narrow sudo rules, Linux capabilities with a hardened systemd unit, or a hardened container. Each reason says why it fits or does not.</source>
        <translation>Die drei Wege, den Agenten ohne root zu betreiben, der beste für diesen Agenten zuerst: ein Dienstbenutzer mit engen sudo-Regeln, Linux-Capabilities mit einer gehärteten systemd-Unit oder ein gehärteter Container. Jede Begründung sagt, warum er passt oder nicht.</translation>
    </message>
    <message>
        <source>Fine-tune the plan: the user it runs as, its capabilities, the paths it reads and writes, its devices and its limits. Every change is checked at once.</source>
        <translation>Den Plan verfeinern: den Benutzer, als der er läuft, seine Capabilities, die Pfade, die er liest und schreibt, seine Geräte und seine Grenzen. Jede Änderung wird sofort geprüft.</translation>
    </message>
    <message>
        <source>Every file the plan would write, as it would be written, checked by the real validators (visudo, systemd-analyze, ...). Nothing on this machine has changed yet.</source>
        <translation>Jede Datei, die der Plan schreiben würde, so wie sie geschrieben würde, geprüft von den echten Prüfprogrammen (visudo, systemd-analyze, …). Auf diesem Rechner hat sich noch nichts geändert.</translation>
    </message>
    <message>
        <source>Export the plan&apos;s files, with APPLY.txt, the steps to apply them by hand or on another machine; or apply them here: Deroot asks for your password, applies every step or none, and can undo it.</source>
        <translation>Die Dateien des Plans exportieren, mit APPLY.txt, den Schritten, um sie von Hand oder auf einem anderen Rechner anzuwenden; oder sie hier anwenden: Deroot fragt nach Ihrem Passwort, wendet alle Schritte oder keinen an und kann es rückgängig machen.</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>Hilfe: %1</translation>
    </message>
    <message>
        <source>&amp;About Deroot</source>
        <translation>Ü&amp;ber Deroot</translation>
    </message>
    <message>
        <source>About Deroot</source>
        <translation>Über Deroot</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Deroot %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Helps you run monitoring and infrastructure agents without root: it finds what an agent really needs, recommends a way to grant only that, and writes, checks, applies and undoes the plan.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Deroot %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Hilft Ihnen, Monitoring- und Infrastruktur-Agenten ohne root zu betreiben: Es findet heraus, was ein Agent wirklich braucht, empfiehlt einen Weg, nur das zu gewähren, und schreibt, prüft, wendet den Plan an und macht ihn rückgängig.&lt;/p&gt;&lt;p&gt;Freie Software unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Handbook</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>The manual page deroot(1): every step, its choices and where the files go</source>
        <translation>Die Handbuchseite deroot(1): jeder Schritt, seine Wahlmöglichkeiten und wohin die Dateien gehen</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <source>No program here shows manual pages on the desktop. The handbook is the manual page deroot(1): in a terminal, type: man deroot</source>
        <translation>Hier zeigt kein Programm Handbuchseiten auf dem Desktop an. Das Handbuch ist die Handbuchseite deroot(1): Geben Sie in einem Terminal ein: man deroot</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ApplyController</name>
    <message>
        <source>This plan cannot be sent to the helper: %1</source>
        <translation>Dieser Plan kann nicht an den Helfer gesendet werden: %1</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper would refuse this plan, so it cannot be applied from here: %1</source>
        <translation>Deroots Helfer würde diesen Plan ablehnen, daher kann er von hier aus nicht angewendet werden: %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ApplyPanel</name>
    <message>
        <source>A&amp;pply to this system…</source>
        <translation>Auf dieses System a&amp;nwenden …</translation>
    </message>
    <message>
        <source>A change that locks you out undoes itself: unless you keep it in time, the helper rolls it back.</source>
        <translation>Eine Änderung, die Sie aussperrt, nimmt sich selbst zurück: Behalten Sie sie nicht rechtzeitig, setzt der Helfer sie zurück.</translation>
    </message>
    <message>
        <source>Seconds to confirm</source>
        <translation>Sekunden zum Bestätigen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Looking for Deroot&apos;s helper…</source>
        <translation>Deroots Helfer wird gesucht …</translation>
    </message>
    <message>
        <source>Asking polkit whether you may apply this plan…</source>
        <translation>polkit wird gefragt, ob Sie diesen Plan anwenden dürfen …</translation>
    </message>
    <message>
        <source>polkit allows you to apply this plan without a password.</source>
        <translation>polkit erlaubt Ihnen, diesen Plan ohne Passwort anzuwenden.</translation>
    </message>
    <message>
        <source>Applying asks for an administrator&apos;s password whatever polkit rules allow: this plan grants root-equivalent privileges. The prompt names them and the plan&apos;s SHA-256.</source>
        <translation>Das Anwenden fragt nach dem Passwort eines Administrators, unabhängig davon, was polkit-Regeln erlauben: Dieser Plan gewährt root-gleiche Rechte. Die Abfrage nennt sie und den SHA-256 des Plans.</translation>
    </message>
    <message>
        <source>Applying asks for an administrator&apos;s password: the prompt names the plan&apos;s SHA-256.</source>
        <translation>Das Anwenden fragt nach dem Passwort eines Administrators: Die Abfrage nennt den SHA-256 des Plans.</translation>
    </message>
    <message>
        <source>polkit would let this plan through without an administrator&apos;s password (a rule or a kept authorization for %1), and the helper refuses that: this plan needs a password typed for it. Ask an administrator to apply it, or to limit that polkit rule.</source>
        <translation>polkit würde diesen Plan ohne das Passwort eines Administrators durchlassen (eine Regel oder eine behaltene Autorisierung für %1), und das lehnt der Helfer ab: Dieser Plan braucht ein eigens für ihn eingegebenes Passwort. Bitten Sie einen Administrator, ihn anzuwenden oder diese polkit-Regel einzuschränken.</translation>
    </message>
    <message>
        <source>This plan is applied (apply id %1): undo it first to apply it again.</source>
        <translation>Dieser Plan ist angewendet (Anwendungs-ID %1): nehmen Sie ihn zuerst zurück, um ihn erneut anzuwenden.</translation>
    </message>
    <message>
        <source>Deroot cannot ask polkit whether you may apply this plan: %1. Reinstall Deroot to apply here; until then, export the plan and apply it by hand.</source>
        <translation>Deroot kann polkit nicht fragen, ob Sie diesen Plan anwenden dürfen: %1. Installieren Sie Deroot neu, um hier anzuwenden; bis dahin exportieren Sie den Plan und wenden ihn von Hand an.</translation>
    </message>
    <message>
        <source>Roll back unless I confirm the change &amp;within the time limit</source>
        <translation>Zurücknehmen, wenn ich die Änderung nicht &amp;innerhalb der Frist bestätige</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Frist:</translation>
    </message>
    <message>
        <source>Deroot&apos;s privileged helper is not installed on this system, so the desktop cannot apply the plan. Export it, then apply the exported folder where the helper is installed: its APPLY.txt lists the steps.</source>
        <translation>Deroots privilegierter Helfer ist auf diesem System nicht installiert, daher kann der Desktop den Plan nicht anwenden. Exportieren Sie ihn und wenden Sie den exportierten Ordner dort an, wo der Helfer installiert ist: Seine APPLY.txt nennt die Schritte.</translation>
    </message>
    <message>
        <source>polkit does not allow you to apply this plan (%1). An administrator can allow it with a polkit rule; until then, export it and have the exported folder applied (its APPLY.txt lists the steps).</source>
        <translation>polkit erlaubt Ihnen nicht, diesen Plan anzuwenden (%1). Ein Administrator kann es mit einer polkit-Regel erlauben; bis dahin exportieren Sie ihn und lassen den exportierten Ordner anwenden (seine APPLY.txt nennt die Schritte).</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ArtifactView</name>
    <message>
        <source>Generated file</source>
        <translation>Erzeugte Datei</translation>
    </message>
    <message>
        <source>Changes against the file on disk</source>
        <translation>Änderungen gegenüber der Datei auf der Platte</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <source>Changes on disk</source>
        <translation>Änderungen auf der Platte</translation>
    </message>
    <message>
        <source>Command run by the apply step: %1</source>
        <translation>Befehl, den der Anwenden-Schritt ausführt: %1</translation>
    </message>
    <message>
        <source>%1 (%2:%3, mode %4)</source>
        <translation>%1 (%2:%3, Modus %4)</translation>
    </message>
    <message>
        <source>No validator checks this file.</source>
        <translation>Kein Validator prüft diese Datei.</translation>
    </message>
    <message>
        <source>Checking with %1…</source>
        <translation>Prüfung mit %1 …</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message>
        <source>The file on disk is identical.</source>
        <translation>Die Datei auf der Platte ist identisch.</translation>
    </message>
    <message>
        <source>Shown without syntax highlighting: %1. Reinstall Deroot to get it back.</source>
        <translation>Ohne Syntaxhervorhebung angezeigt: %1. Installieren Sie Deroot neu, um sie wiederzubekommen.</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <source>Save this file on its own, exactly as an export holds it</source>
        <translation>Diese Datei einzeln speichern, genau so, wie ein Export sie enthält</translation>
    </message>
    <message>
        <source>Save %1 as</source>
        <translation>%1 speichern unter</translation>
    </message>
    <message>
        <source>Nothing was written: %1 is a folder.</source>
        <translation>Nichts wurde geschrieben: %1 ist ein Ordner.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Die Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with %2?</source>
        <translation>%1 gibt es schon. Durch %2 ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Nothing was written: %1 was kept.</source>
        <translation>Nichts wurde geschrieben: %1 bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>Nothing was written to %1: %2</source>
        <translation>Nichts wurde nach %1 geschrieben: %2</translation>
    </message>
    <message>
        <source>Saved %1 as %2.</source>
        <translation>%1 als %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AuditView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Open in the wizard</source>
        <translation>Im Assistenten ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Audit of this machine — Deroot</source>
        <translation>Prüfung dieser Maschine — Deroot</translation>
    </message>
    <message>
        <source>Agents running as root and programs that hand out privileges</source>
        <translation>Als root laufende Agenten und Programme, die Rechte vergeben</translation>
    </message>
    <message>
        <source>Agent or file</source>
        <translation>Agent oder Datei</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Auditing the processes and the program folders…</source>
        <translation>Prozesse und Programmordner werden geprüft …</translation>
    </message>
    <message>
        <source>The audit failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Agents running as root or with capabilities</source>
        <translation>Agenten, die als root oder mit Capabilities laufen</translation>
    </message>
    <message numerus="yes">
        <source>%n capabilities</source>
        <translation>
            <numerusform>%n Capability</numerusform>
            <numerusform>%n Capabilities</numerusform>
        </translation>
    </message>
    <message>
        <source>Programs that hand out privileges (set-uid, set-gid, capabilities)</source>
        <translation>Programme, die Rechte vergeben (set-uid, set-gid, Capabilities)</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) examined.</source>
        <translation>
            <numerusform>%n Prozess untersucht.</numerusform>
            <numerusform>%n Prozesse untersucht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) run as root.</source>
        <translation>
            <numerusform>%n Agent läuft als root.</numerusform>
            <numerusform>%n Agenten laufen als root.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n program(s) hand out privileges.</source>
        <translation>
            <numerusform>%n Programm vergibt Rechte.</numerusform>
            <numerusform>%n Programme vergeben Rechte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a row to de-root it.</source>
        <translation>Öffnen Sie eine Zeile, um ihr root zu nehmen.</translation>
    </message>
    <message>
        <source>Open &amp;fleet folder…</source>
        <translation>Flotten&amp;ordner öffnen…</translation>
    </message>
    <message>
        <source>Audit this &amp;machine</source>
        <translation>Diese &amp;Maschine prüfen</translation>
    </message>
    <message>
        <source>Show the audits the fleet playbook fetched from many hosts, one file per host</source>
        <translation>Die Prüfungen zeigen, die das Flotten-Playbook von vielen Hosts geholt hat, eine Datei pro Host</translation>
    </message>
    <message>
        <source>Open the fleet folder</source>
        <translation>Flottenordner öffnen</translation>
    </message>
    <message>
        <source>Reading the hosts&apos; audits in %1…</source>
        <translation>Die Prüfungen der Hosts in %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Fleet audit: %1 — Deroot</source>
        <translation>Flottenprüfung: %1 — Deroot</translation>
    </message>
    <message>
        <source>The fleet folder cannot be shown: %1</source>
        <translation>Der Flottenordner kann nicht gezeigt werden: %1</translation>
    </message>
    <message>
        <source>%1 (real user %2)</source>
        <translation>%1 (realer Benutzer %2)</translation>
    </message>
    <message>
        <source>The service manager (PID 1) must run as root: it starts and stops every service. There is nothing to de-root.</source>
        <translation>Der Dienstmanager (PID 1) muss als root laufen: Er startet und stoppt jeden Dienst. Hier gibt es nichts, dem root zu nehmen wäre.</translation>
    </message>
    <message>
        <source>%1 is part of systemd: privileged by design and sandboxed by its unit. There is nothing to de-root.</source>
        <translation>%1 gehört zu systemd: von Haus aus privilegiert und durch seine Unit abgeschottet. Hier gibt es nichts, dem root zu nehmen wäre.</translation>
    </message>
    <message>
        <source>%1 is a user&apos;s service manager: it starts that user&apos;s own services. There is nothing to de-root.</source>
        <translation>%1 ist der Dienstmanager eines Benutzers: Er startet dessen eigene Dienste. Hier gibt es nichts, dem root zu nehmen wäre.</translation>
    </message>
    <message>
        <source>%1 is a standard set-uid or set-gid program: it needs its privilege to do its job, so a plan cannot take it away. Deroot does not open it.</source>
        <translation>%1 ist ein übliches set-uid- oder set-gid-Programm: Es braucht sein Recht für seine Aufgabe, ein Plan kann es ihm nicht nehmen. Deroot öffnet es nicht.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Name, path, unit, user or PID</source>
        <translation>Name, Pfad, Unit, Benutzer oder PID</translation>
    </message>
    <message>
        <source>Filter the rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>Fil&amp;ter:</source>
        <translation>Fil&amp;ter:</translation>
    </message>
    <message>
        <source>Save this audit as JSON (as derootctl audit --json writes it) or as CSV</source>
        <translation>Diese Prüfung als JSON (wie derootctl audit --json es schreibt) oder als CSV speichern</translation>
    </message>
    <message>
        <source>Export the audit</source>
        <translation>Prüfung exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Open %1 in the wizard</source>
        <translation>%1 im Assistenten öffnen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>The service manager, systemd&apos;s own units and users&apos; managers</source>
        <translation>Der Dienstmanager, systemds eigene Units und die Dienstmanager der Benutzer</translation>
    </message>
    <message>
        <source>They run as root by design and are sandboxed by their units: nothing to change, and nothing Deroot can de-root.</source>
        <translation>Sie laufen von Haus aus als root und sind durch ihre Units abgeschottet: nichts zu ändern, und nichts, dem Deroot root nehmen könnte.</translation>
    </message>
    <message>
        <source>Standard set-uid and set-gid programs</source>
        <translation>Übliche set-uid- und set-gid-Programme</translation>
    </message>
    <message>
        <source>Their job needs root or their group: passwd and chsh change /etc/shadow and /etc/passwd, su and sudo switch users, mount mounts what fstab lets users mount. Leave them as their packages set them; remove the package of one this machine does not need.</source>
        <translation>Ihre Aufgabe braucht root oder ihre Gruppe: passwd und chsh ändern /etc/shadow und /etc/passwd, su und sudo wechseln den Benutzer, mount hängt ein, was fstab Benutzern erlaubt. Lassen Sie sie, wie ihre Pakete sie setzen; entfernen Sie das Paket eines Programms, das diese Maschine nicht braucht.</translation>
    </message>
    <message numerus="yes">
        <source>%n processes</source>
        <translation>
            <numerusform>%n Prozess</numerusform>
            <numerusform>%n Prozesse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Privileged by design, nothing to change (%n)</source>
        <translation>
            <numerusform>Von Haus aus privilegiert, nichts zu ändern (%n)</numerusform>
            <numerusform>Von Haus aus privilegiert, nichts zu ändern (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no audit of this machine to export yet.</source>
        <translation>Es gibt noch keine Prüfung dieser Maschine zum Exportieren.</translation>
    </message>
    <message>
        <source>The audit was not exported: %1 cannot be written: %2</source>
        <translation>Die Prüfung wurde nicht exportiert: %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The audit was exported as CSV to %1.</source>
        <translation>Die Prüfung wurde als CSV nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The audit was exported as JSON to %1.</source>
        <translation>Die Prüfung wurde als JSON nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Show only the rows that match (Ctrl+F)</source>
        <translation>Nur die passenden Zeilen zeigen (Strg+F)</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::DriftPanel</name>
    <message>
        <source>Check &amp;drift</source>
        <translation>Ab&amp;weichungen prüfen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Applied plans&lt;/b&gt;: do they still hold after upgrades and edits?</source>
        <translation>&lt;b&gt;Angewendete Pläne&lt;/b&gt;: halten sie noch nach Upgrades und Änderungen?</translation>
    </message>
    <message>
        <source>Applied plans and whether they still hold</source>
        <translation>Angewendete Pläne und ob sie noch halten</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>Was abweicht</translation>
    </message>
    <message>
        <source>Comparing the applied plans with the system…</source>
        <translation>Die angewendeten Pläne werden mit dem System verglichen…</translation>
    </message>
    <message>
        <source>The helper&apos;s history cannot be read: %1</source>
        <translation>Der Verlauf des Helfers kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>drifted</source>
        <translation>abgewichen</translation>
    </message>
    <message>
        <source>No plan applied yet.</source>
        <translation>Noch kein Plan angewendet.</translation>
    </message>
    <message>
        <source>Every applied plan holds.</source>
        <translation>Jeder angewendete Plan hält.</translation>
    </message>
    <message>
        <source>&amp;Put back…</source>
        <translation>Zu&amp;rücksetzen…</translation>
    </message>
    <message>
        <source>Have the helper write again what the selected apply wrote, create its user again and set its capabilities again, where they drifted, after the same checks as an apply. It asks for an administrator&apos;s password.</source>
        <translation>Lässt den Helfer erneut schreiben, was die gewählte Anwendung geschrieben hat, ihren Benutzer erneut anlegen und ihre Capabilities erneut setzen, wo sie abweichen, nach denselben Prüfungen wie beim Anwenden. Dafür wird das Passwort eines Administrators verlangt.</translation>
    </message>
    <message numerus="yes">
        <source>%n applied plan(s) drifted. Select one and press Put back to have the helper write again what it wrote and set; what is not the apply&apos;s (another tool&apos;s drop-in, a changed program) needs a rollback and a new plan.</source>
        <translation>
            <numerusform>%n angewandter Plan weicht ab. Wählen Sie ihn und drücken Sie Zurücksetzen, damit der Helfer erneut schreibt und setzt, was er geschrieben und gesetzt hat; was nicht zur Anwendung gehört (das Drop-in eines anderen Werkzeugs, ein geändertes Programm), braucht ein Zurücknehmen und einen neuen Plan.</numerusform>
            <numerusform>%n angewandte Pläne weichen ab. Wählen Sie einen und drücken Sie Zurücksetzen, damit der Helfer erneut schreibt und setzt, was er geschrieben und gesetzt hat; was nicht zur Anwendung gehört (das Drop-in eines anderen Werkzeugs, ein geändertes Programm), braucht ein Zurücknehmen und einen neuen Plan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the helper to put back what drifted of %1…</source>
        <translation>Der Helfer wird gebeten, zurückzusetzen, was von %1 abweicht…</translation>
    </message>
    <message>
        <source>Nothing was put back: %1.</source>
        <translation>Nichts wurde zurückgesetzt: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Put back: %n item(s).</source>
        <translation>
            <numerusform>Zurückgesetzt: %n Element.</numerusform>
            <numerusform>Zurückgesetzt: %n Elemente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not put back: %1.</source>
        <translation>Nicht zurückgesetzt: %1.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::EnvironmentPage</name>
    <message>
        <source>Where it runs</source>
        <translation>Wo er läuft</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>A &amp;server or VM, where the agent runs as a service</source>
        <translation>Ein &amp;Server oder eine VM, auf der der Agent als Dienst läuft</translation>
    </message>
    <message>
        <source>A &amp;container host or Kubernetes</source>
        <translation>Ein &amp;Container-Host oder Kubernetes</translation>
    </message>
    <message>
        <source>A &amp;legacy system whose way of starting the agent cannot change</source>
        <translation>Ein &amp;Altsystem, dessen Art, den Agenten zu starten, sich nicht ändern lässt</translation>
    </message>
    <message>
        <source>Containers fit where containers already run; a legacy system is left with sudo rules, which need no change to how the agent starts.</source>
        <translation>Container passen dort, wo schon Container laufen; einem Altsystem bleiben sudo-Regeln, die nichts daran ändern, wie der Agent startet.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>From a &amp;vendor or the distribution</source>
        <translation>Von einem He&amp;rsteller oder der Distribution</translation>
    </message>
    <message>
        <source>&amp;Untrusted or third-party</source>
        <translation>&amp;Nicht vertrauenswürdig oder von Dritten</translation>
    </message>
    <message>
        <source>The less you trust the agent&apos;s code, the more it should be isolated: an untrusted agent belongs in a container.</source>
        <translation>Je weniger Sie dem Code des Agenten trauen, desto stärker sollte er isoliert sein: Ein nicht vertrauenswürdiger Agent gehört in einen Container.</translation>
    </message>
    <message>
        <source>Service manager</source>
        <translation>Dienstverwaltung</translation>
    </message>
    <message>
        <source>It runs under systemd</source>
        <translation>Er läuft unter systemd</translation>
    </message>
    <message>
        <source>systemd can hand the agent exactly its capabilities and sandbox it. Without it, capabilities must be set on the file itself.</source>
        <translation>systemd kann dem Agenten genau seine Capabilities geben und ihn in eine Sandbox setzen. Ohne systemd müssen Capabilities an der Datei selbst gesetzt werden.</translation>
    </message>
    <message>
        <source>How it is started</source>
        <translation>Wie er gestartet wird</translation>
    </message>
    <message>
        <source>As a se&amp;rvice that keeps running</source>
        <translation>Als &amp;Dienst, der dauerhaft läuft</translation>
    </message>
    <message>
        <source>On a sche&amp;dule, running to completion each time</source>
        <translation>Nach Zeit&amp;plan, jedes Mal bis zum Ende</translation>
    </message>
    <message>
        <source>Called by another &amp;agent, such as a monitoring agent</source>
        <translation>Von einem anderen Agenten a&amp;ufgerufen, etwa einem Monitoring-Agenten</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>hourly, daily or *-*-* 03:00:00</source>
        <translation>hourly, daily oder *-*-* 03:00:00</translation>
    </message>
    <message>
        <source>User of the calling agent</source>
        <translation>Benutzer des aufrufenden Agenten</translation>
    </message>
    <message>
        <source>zabbix, nagios, telegraf</source>
        <translation>zabbix, nagios, telegraf</translation>
    </message>
    <message>
        <source>The sudo method writes its rule for this user</source>
        <translation>Die sudo-Methode schreibt ihre Regel für diesen Benutzer</translation>
    </message>
    <message>
        <source>Ti&amp;mer:</source>
        <translation>Ti&amp;mer:</translation>
    </message>
    <message>
        <source>Calling us&amp;er:</source>
        <translation>Aufrufender B&amp;enutzer:</translation>
    </message>
    <message>
        <source>Deroot could not tell how it is started.</source>
        <translation>Deroot konnte nicht erkennen, wie er gestartet wird.</translation>
    </message>
    <message>
        <source>What Deroot found: %1</source>
        <translation>Was Deroot gefunden hat: %1</translation>
    </message>
    <message>
        <source>Replace %1 with a ne&amp;w unit of Deroot&apos;s own (by default a drop-in hardens it)</source>
        <translation>%1 durch eine neue e&amp;igene Unit von Deroot ersetzen (sonst härtet ein Drop-in sie)</translation>
    </message>
    <message>
        <source>It runs under s&amp;ystemd (or can be made to)</source>
        <translation>Er läuft unter s&amp;ystemd (oder kann es)</translation>
    </message>
    <message>
        <source>Built &amp;in house</source>
        <translation>Im Haus en&amp;twickelt</translation>
    </message>
    <message>
        <source>Three answers decide which method fits: sudo rules, capabilities or a container. Deroot cannot see them from the program.</source>
        <translation>Drei Antworten entscheiden, welche Methode passt: sudo-Regeln, Capabilities oder ein Container. Deroot kann sie am Programm nicht erkennen.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ExportPanel</name>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Replace an e&amp;xisting folder or archive as a whole</source>
        <translation>Einen vorhandenen Ordner oder ein Archiv als Ganzes e&amp;rsetzen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>In die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <source>A folder</source>
        <translation>Ein Ordner</translation>
    </message>
    <message>
        <source>A .tar.gz archive</source>
        <translation>Ein .tar.gz-Archiv</translation>
    </message>
    <message>
        <source>Export destination</source>
        <translation>Exportziel</translation>
    </message>
    <message>
        <source>File to copy</source>
        <translation>Zu kopierende Datei</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;As:</source>
        <translation>&amp;Als:</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>Zie&amp;l:</translation>
    </message>
    <message>
        <source>Copy one file</source>
        <translation>Eine Datei kopieren</translation>
    </message>
    <message>
        <source>Nothing was written. %1</source>
        <translation>Nichts wurde geschrieben. %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1: %2</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben: %2</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the plan as</source>
        <translation>Plan exportieren als</translation>
    </message>
    <message>
        <source>Archives (*.tar.gz)</source>
        <translation>Archive (*.tar.gz)</translation>
    </message>
    <message>
        <source>Export the plan into the folder</source>
        <translation>Plan in den Ordner exportieren</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>An Ansible role (a folder)</source>
        <translation>Eine Ansible-Rolle (ein Ordner)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote an Ansible role of %n file(s) to %1; its README.md says how to run it.</source>
        <translation>
            <numerusform>Eine Ansible-Rolle mit %n Datei nach %1 geschrieben; ihre README.md sagt, wie man sie ausführt.</numerusform>
            <numerusform>Eine Ansible-Rolle mit %n Dateien nach %1 geschrieben; ihre README.md sagt, wie man sie ausführt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::FinishPage</name>
    <message>
        <source>Finish</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>There is no valid plan to export.</source>
        <translation>Es gibt keinen gültigen Plan zum Exportieren.</translation>
    </message>
    <message>
        <source>Waiting for the validators.</source>
        <translation>Warten auf die Validatoren.</translation>
    </message>
    <message>
        <source>A file fails its validator: see the preview.</source>
        <translation>Eine Datei besteht ihren Validator nicht: siehe Vorschau.</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper is still at work: wait for its outcome before you leave.</source>
        <translation>Deroots Helfer arbeitet noch: Warten Sie sein Ergebnis ab, bevor Sie gehen.</translation>
    </message>
    <message>
        <source>The apply waits for your confirmation: keep the changes or undo them before you leave.</source>
        <translation>Die Anwendung wartet auf Ihre Bestätigung: Behalten Sie die Änderungen oder nehmen Sie sie zurück, bevor Sie gehen.</translation>
    </message>
    <message>
        <source>Nothing was applied. %1</source>
        <translation>Nichts wurde angewendet. %1</translation>
    </message>
    <message>
        <source>Nothing was applied: the helper would refuse this plan (%1).</source>
        <translation>Nichts wurde angewendet: Der Helfer würde diesen Plan ablehnen (%1).</translation>
    </message>
    <message>
        <source>Apply the plan for %1 (%2) to this system?</source>
        <translation>Den Plan für %1 (%2) auf dieses System anwenden?</translation>
    </message>
    <message>
        <source>It changes: %1.</source>
        <translation>Er ändert: %1.</translation>
    </message>
    <message>
        <source>nothing the helper applies (export only)</source>
        <translation>nichts, was der Helfer anwendet (nur Export)</translation>
    </message>
    <message>
        <source>Plan SHA-256: %1
The authentication prompt must name this same hash.</source>
        <translation>SHA-256 des Plans: %1
Die Authentifizierungsabfrage muss genau diesen Hash nennen.</translation>
    </message>
    <message>
        <source>Apply to this system</source>
        <translation>Auf dieses System anwenden</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Applying… Answer the authentication prompt if one appears; it must name SHA-256 %1.</source>
        <translation>Wird angewendet … Beantworten Sie die Authentifizierungsabfrage, falls eine erscheint; sie muss SHA-256 %1 nennen.</translation>
    </message>
    <message numerus="yes">
        <source>The plan for %1 has %n file(s).</source>
        <translation>
            <numerusform>Der Plan für %1 hat %n Datei.</numerusform>
            <numerusform>Der Plan für %1 hat %n Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <source>Prove</source>
        <translation>Erproben</translation>
    </message>
    <message>
        <source>Before you apply it, run the agent as the plan says, on temporary units, once without each capability: see that it works and which capabilities it really needs. Nothing of the system changes.</source>
        <translation>Bevor Sie ihn anwenden: den Agenten so laufen lassen, wie der Plan es sagt, auf vorübergehenden Units, einmal ohne jede Capability, um zu sehen, dass er funktioniert und welche Capabilities er wirklich braucht. Am System ändert sich nichts.</translation>
    </message>
    <message>
        <source>Proving is not available for this plan: %1</source>
        <translation>Für diesen Plan ist Erproben nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Pro&amp;ve it…</source>
        <translation>Erpro&amp;ben…</translation>
    </message>
    <message>
        <source>Before you apply it, run the agent as the plan says, on temporary units, once without each capability: see that it works and which capabilities it really needs. The trials run a copy of %1 with the plan&apos;s drop-in, so %1 must be stopped meanwhile. Nothing of the system changes.</source>
        <translation>Führen Sie den Agenten vor dem Anwenden so aus, wie der Plan es sagt, auf temporären Units, einmal ohne jede Capability: Sie sehen, ob er funktioniert und welche Capabilities er wirklich braucht. Die Versuche führen eine Kopie von %1 mit dem Drop-in des Plans aus, daher muss %1 währenddessen angehalten sein. Am System ändert sich nichts.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::FleetRows</name>
    <message>
        <source>root-level</source>
        <translation>root-gleich</translation>
    </message>
    <message>
        <source>elevated</source>
        <translation>erhöht</translation>
    </message>
    <message>
        <source>low</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minimal</translation>
    </message>
    <message>
        <source>Privilege</source>
        <translation>Privileg</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Agent or file</source>
        <translation>Agent oder Datei</translation>
    </message>
    <message>
        <source>Runs as / mode</source>
        <translation>Läuft als / Modus</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message numerus="yes">
        <source>%n capabilities</source>
        <translation>
            <numerusform>%n Capability</numerusform>
            <numerusform>%n Capabilities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) merged.</source>
        <translation>
            <numerusform>%n Host zusammengeführt.</numerusform>
            <numerusform>%n Hosts zusammengeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), most privileged first.</source>
        <translation>
            <numerusform>%n Zeile, die privilegiertesten zuerst.</numerusform>
            <numerusform>%n Zeilen, die privilegiertesten zuerst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left out:</source>
        <translation>
            <numerusform>%n Datei ausgelassen:</numerusform>
            <numerusform>%n Dateien ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a row to plan its agent in the wizard.</source>
        <translation>Öffnen Sie eine Zeile, um ihren Agenten im Assistenten zu planen.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::NeedsPage</name>
    <message>
        <source>Binary</source>
        <translation>Binärdatei</translation>
    </message>
    <message>
        <source>Program file</source>
        <translation>Programmdatei</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Network and kernel</source>
        <translation>Netzwerk und Kernel</translation>
    </message>
    <message>
        <source>Running process</source>
        <translation>Laufender Prozess</translation>
    </message>
    <message>
        <source>Systemd unit</source>
        <translation>Systemd-Unit</translation>
    </message>
    <message>
        <source>Agent catalog</source>
        <translation>Agentenkatalog</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source> (only %1)</source>
        <translation> (nur %1)</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>%1 — root-equivalent</source>
        <translation>%1 — root-gleichwertig</translation>
    </message>
    <message>
        <source>What it needs</source>
        <translation>Was er braucht</translation>
    </message>
    <message>
        <source>Findings and needs, with their evidence</source>
        <translation>Befunde und Bedarf, mit ihren Belegen</translation>
    </message>
    <message>
        <source>I have read the critical findings; I will fix them before applying the plan</source>
        <translation>Ich habe die kritischen Befunde gelesen; ich behebe sie, bevor ich den Plan anwende</translation>
    </message>
    <message>
        <source>It matches no agent in Deroot&apos;s catalog: the needs below come from the program alone.</source>
        <translation>Er passt zu keinem Agenten in Deroots Katalog: Der Bedarf unten stammt allein aus dem Programm.</translation>
    </message>
    <message>
        <source>It matches %1 in Deroot&apos;s catalog.</source>
        <translation>Er entspricht %1 in Deroots Katalog.</translation>
    </message>
    <message>
        <source>%1. %2 Expand a line to see the evidence.</source>
        <translation>%1. %2 Klappen Sie eine Zeile auf, um die Belege zu sehen.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing noteworthy.</source>
        <translation>Nichts Nennenswertes.</translation>
    </message>
    <message>
        <source>Capabilities it needs</source>
        <translation>Capabilities, die er braucht</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>listens on %1 port %2</source>
        <translation>lauscht auf %1-Port %2</translation>
    </message>
    <message>
        <source>Address families</source>
        <translation>Adressfamilien</translation>
    </message>
    <message>
        <source>Privileged commands</source>
        <translation>Privilegierte Befehle</translation>
    </message>
    <message>
        <source>Files it reads</source>
        <translation>Dateien, die er liest</translation>
    </message>
    <message>
        <source>Files it writes</source>
        <translation>Dateien, die er schreibt</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Stop: %n critical finding(s).&lt;/b&gt; Until fixed, anyone who can change these files can become the agent, and so keep whatever privilege it gets: %1</source>
        <translation>
            <numerusform>&lt;b&gt;Halt: %n kritischer Befund.&lt;/b&gt; Solange er nicht behoben ist, kann jeder, der diese Dateien ändern kann, zum Agenten werden und damit jedes Recht behalten, das er bekommt: %1</numerusform>
            <numerusform>&lt;b&gt;Halt: %n kritische Befunde.&lt;/b&gt; Solange sie nicht behoben sind, kann jeder, der diese Dateien ändern kann, zum Agenten werden und damit jedes Recht behalten, das er bekommt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible needs</source>
        <translation>Möglicher Bedarf</translation>
    </message>
    <message>
        <source>Measured on the running process: its user, groups and capability sets.</source>
        <translation>Am laufenden Prozess gemessen: sein Benutzer, seine Gruppen und Capability-Mengen.</translation>
    </message>
    <message>
        <source>Read from its systemd unit: User=, capability sets and sandbox. It is not running.</source>
        <translation>Aus seiner systemd-Unit gelesen: User=, Capability-Mengen und Sandbox. Es läuft nicht.</translation>
    </message>
    <message>
        <source>Nothing runs it now: this is what the program file grants whoever runs it (set-user-ID, set-group-ID, file capabilities).</source>
        <translation>Nichts führt es jetzt aus: Das ist, was die Programmdatei jedem gewährt, der es ausführt (Set-User-ID, Set-Group-ID, Datei-Capabilities).</translation>
    </message>
    <message>
        <source>Nothing runs it now and its file grants nothing: the case of running it as root.</source>
        <translation>Nichts führt es jetzt aus, und seine Datei gewährt nichts: der Fall, dass es als root ausgeführt wird.</translation>
    </message>
    <message>
        <source>&amp;Watch it run…</source>
        <translation>&amp;Beim Laufen beobachten…</translation>
    </message>
    <message>
        <source>Run the agent for a while and watch what it really asks for, to add to what inspecting its files found</source>
        <translation>Den Agenten eine Weile laufen lassen und beobachten, was er wirklich anfragt, als Ergänzung zu dem, was die Prüfung seiner Dateien fand</translation>
    </message>
    <message>
        <source>These needs come from the program&apos;s files, its unit and Deroot&apos;s catalog. Watching it run shows what it really asks for.</source>
        <translation>Dieser Bedarf stammt aus den Dateien des Programms, seiner Unit und Deroots Katalog. Beobachten, wie er läuft, zeigt, was er wirklich anfragt.</translation>
    </message>
    <message>
        <source>program file</source>
        <translation>Programmdatei</translation>
    </message>
    <message>
        <source>Go build info</source>
        <translation>Go-Build-Info</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>running process</source>
        <translation>laufender Prozess</translation>
    </message>
    <message>
        <source>systemd unit</source>
        <translation>systemd-Unit</translation>
    </message>
    <message>
        <source>Deroot&apos;s catalog</source>
        <translation>Deroots Katalog</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>beobachtet</translation>
    </message>
    <message>
        <source>Includes what watching it run found (marked &quot;%1&quot;).</source>
        <translation>Enthält, was das Beobachten im Lauf fand (markiert mit „%1“).</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ObserveDialog</name>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>&amp;Start watching</source>
        <translation>Beobachtung &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Add to the needs</source>
        <translation>Zum Bedarf &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Watch %1 run</source>
        <translation>%1 beim Laufen beobachten</translation>
    </message>
    <message>
        <source>Deroot starts %1 as the user below, without privileges, and watches what it asks the kernel for: capabilities, files it writes, ports, devices. What it is refused, it is given in the next round, up to %2 rounds. Watching it as root would hide the permission problems its service user will meet, so an unprivileged user is best.</source>
        <translation>Deroot startet %1 als den Benutzer unten, ohne Privilegien, und beobachtet, was es vom Kernel verlangt: Capabilities, Dateien, die es schreibt, Ports, Geräte. Was ihm verweigert wird, bekommt es in der nächsten Runde, bis zu %2 Runden. Als root beobachtet blieben die Rechteprobleme verborgen, auf die sein Dienstbenutzer stoßen wird, daher ist ein unprivilegierter Benutzer am besten.</translation>
    </message>
    <message>
        <source>Deroot watches %1 from now on for the time below: what it asks the kernel for, files it writes, ports, devices. It is not restarted, so what it did when it started is not seen.</source>
        <translation>Deroot beobachtet %1 ab jetzt für die Zeit unten: was es vom Kernel verlangt, Dateien, die es schreibt, Ports, Geräte. Es wird nicht neu gestartet, daher ist nicht zu sehen, was es beim Start tat.</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper does the watching: each round asks for an administrator&apos;s password.</source>
        <translation>Deroots Helfer beobachtet: Jede Runde fragt nach einem Administratorpasswort.</translation>
    </message>
    <message>
        <source>A short watch only shows what the agent did in that time: anything it does now and then (a reload, a rare check) may be missing.</source>
        <translation>Eine kurze Beobachtung zeigt nur, was der Agent in dieser Zeit tat: Was er nur ab und zu tut (ein Neuladen, eine seltene Prüfung), kann fehlen.</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>A&amp;rguments:</source>
        <translation>A&amp;rgumente:</translation>
    </message>
    <message>
        <source>Run it as user</source>
        <translation>Als Benutzer ausführen</translation>
    </message>
    <message>
        <source>Run it as &amp;user:</source>
        <translation>Als &amp;Benutzer ausführen:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Watch for, in seconds</source>
        <translation>Beobachtungsdauer in Sekunden</translation>
    </message>
    <message>
        <source>&amp;Watch for:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>What watching it found</source>
        <translation>Was das Beobachten fand</translation>
    </message>
    <message>
        <source>What the agent asks for appears here when the watch ends.</source>
        <translation>Was der Agent anfragt, erscheint hier, wenn die Beobachtung endet.</translation>
    </message>
    <message>
        <source>Round %1: watching for %2 s…</source>
        <translation>Runde %1: Beobachtung für %2 s…</translation>
    </message>
    <message>
        <source>Round %1: watching for %2 s, given %3…</source>
        <translation>Runde %1: Beobachtung für %2 s, mit %3…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n capability(s) needed or used.</source>
        <translation>
            <numerusform>Fertig: %n Capability gebraucht oder genutzt.</numerusform>
            <numerusform>Fertig: %n Capabilities gebraucht oder genutzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) to give the service user.</source>
        <translation>
            <numerusform>%n Pfad für den Dienstbenutzer freizugeben.</numerusform>
            <numerusform>%n Pfade für den Dienstbenutzer freizugeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;Add to the needs&quot; builds the plan from what inspection and watching found.</source>
        <translation>„Zum Bedarf hinzufügen“ baut den Plan aus dem, was Prüfung und Beobachtung fanden.</translation>
    </message>
    <message>
        <source>Watching did not work: %1</source>
        <translation>Das Beobachten hat nicht funktioniert: %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::OutcomePanel</name>
    <message>
        <source>&amp;Keep the changes</source>
        <translation>Änderungen &amp;behalten</translation>
    </message>
    <message>
        <source>Undo &amp;now</source>
        <translation>&amp;Jetzt zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Undo this apply…</source>
        <translation>Diese Anwendung &amp;zurücknehmen …</translation>
    </message>
    <message>
        <source>Apply steps</source>
        <translation>Schritte der Anwendung</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Confirmed: the changes of %1 stay.</source>
        <translation>Bestätigt: Die Änderungen von %1 bleiben.</translation>
    </message>
    <message>
        <source>The helper did not take the confirmation: %1</source>
        <translation>Der Helfer hat die Bestätigung nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Rolled back %1: the system is as it was before.</source>
        <translation>%1 zurückgenommen: Das System ist wie zuvor.</translation>
    </message>
    <message>
        <source>Nothing was rolled back: %1</source>
        <translation>Nichts wurde zurückgenommen: %1</translation>
    </message>
    <message>
        <source>Not confirmed in time: the helper rolled %1 back (%2).</source>
        <translation>Nicht rechtzeitig bestätigt: Der Helfer hat %1 zurückgenommen (%2).</translation>
    </message>
    <message>
        <source>Not authorized: polkit did not allow this apply (%1). Nothing was changed.</source>
        <translation>Nicht berechtigt: polkit hat diese Anwendung nicht erlaubt (%1). Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The helper refused the plan: %1. Nothing was changed.</source>
        <translation>Der Helfer hat den Plan abgelehnt: %1. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Another apply or rollback is under way. Nothing was changed; try again when it has finished.</source>
        <translation>Eine andere Anwendung oder Rücknahme läuft. Nichts wurde geändert; versuchen Sie es erneut, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>ok: %1</source>
        <translation>ok: %1</translation>
    </message>
    <message>
        <source>not applied: install this exported file yourself if you want it</source>
        <translation>nicht angewendet: installieren Sie diese exportierte Datei selbst, wenn Sie sie wollen</translation>
    </message>
    <message numerus="yes">
        <source>Keep these changes? Unless you confirm, the helper rolls them back in %n second(s).</source>
        <translation>
            <numerusform>Diese Änderungen behalten? Ohne Ihre Bestätigung nimmt der Helfer sie in %n Sekunde zurück.</numerusform>
            <numerusform>Diese Änderungen behalten? Ohne Ihre Bestätigung nimmt der Helfer sie in %n Sekunden zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time is up: the helper is rolling the changes back.</source>
        <translation>Die Zeit ist um: Der Helfer nimmt die Änderungen zurück.</translation>
    </message>
    <message>
        <source>Undo this apply</source>
        <translation>Diese Anwendung zurücknehmen</translation>
    </message>
    <message>
        <source>Roll back %1? Deroot&apos;s helper restores what it changed, byte for byte, and removes what it created.</source>
        <translation>%1 zurücknehmen? Deroots Helfer stellt Byte für Byte wieder her, was er geändert hat, und entfernt, was er angelegt hat.</translation>
    </message>
    <message>
        <source>&amp;Roll back</source>
        <translation>&amp;Zurücknehmen</translation>
    </message>
    <message>
        <source>Rolling %1 back… Answer the authentication prompt if one appears.</source>
        <translation>%1 wird zurückgenommen … Beantworten Sie die Authentifizierungsabfrage, falls eine erscheint.</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper stopped answering (%1). If it stopped in the middle of the apply, it restores the previous state when it next starts; the audit window&apos;s list of applied plans shows what happened.</source>
        <translation>Deroots Helfer antwortet nicht mehr (%1). Hat er mitten in der Anwendung aufgehört, stellt er beim nächsten Start den vorigen Zustand wieder her; die Liste der angewendeten Pläne im Audit-Fenster zeigt, was geschehen ist.</translation>
    </message>
    <message>
        <source>The apply failed: %1. The audit window&apos;s list of applied plans shows what the helper did.</source>
        <translation>Die Anwendung ist fehlgeschlagen: %1. Die Liste der angewendeten Pläne im Audit-Fenster zeigt, was der Helfer getan hat.</translation>
    </message>
    <message>
        <source>Apply id: %1. The helper keeps this apply under that id: an administrator can still roll it back later.</source>
        <translation>Anwendungs-ID: %1. Der Helfer bewahrt diese Anwendung unter dieser ID auf: Ein Administrator kann sie später noch zurücknehmen.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Validators running</source>
        <translation>Validatoren laufen</translation>
    </message>
    <message>
        <source>Generated files</source>
        <translation>Erzeugte Dateien</translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation>Kein Plan: %1</translation>
    </message>
    <message>
        <source>Conflicts to know about:</source>
        <translation>Konflikte, die Sie kennen sollten:</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated; the validators are checking them…</source>
        <translation>
            <numerusform>%n Datei erzeugt; die Validatoren prüfen sie …</numerusform>
            <numerusform>%n Dateien erzeugt; die Validatoren prüfen sie …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) fail their validator: see the tabs marked with a red cross. Such a plan cannot be exported.</source>
        <translation>
            <numerusform>%n Datei besteht ihren Validator nicht: siehe die mit einem roten Kreuz markierten Reiter. Ein solcher Plan kann nicht exportiert werden.</numerusform>
            <numerusform>%n Dateien bestehen ihren Validator nicht: siehe die mit einem roten Kreuz markierten Reiter. Ein solcher Plan kann nicht exportiert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply creates the user %1 with the useradd line (useradd.sh) and installs %2 as well, so that systemd-sysusers keeps the user declared. By hand, run one of the two, not both.</source>
        <translation>Anwenden legt den Benutzer %1 mit der useradd-Zeile (useradd.sh) an und installiert zusätzlich %2, damit systemd-sysusers den Benutzer deklariert hält. Von Hand führen Sie nur eines von beiden aus, nicht beide.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated, each checked by its real validator.</source>
        <translation>
            <numerusform>%n Datei erzeugt und von ihrem echten Validator geprüft.</numerusform>
            <numerusform>%n Dateien erzeugt, jede von ihrem echten Validator geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated; %1 checked by the real validators. No validator checks the others offline: their tabs say so.</source>
        <translation>
            <numerusform>%n Datei erzeugt; %1 davon von den echten Validatoren geprüft. Die übrigen prüft offline kein Validator: Ihre Reiter sagen es.</numerusform>
            <numerusform>%n Dateien erzeugt; %1 davon von den echten Validatoren geprüft. Die übrigen prüft offline kein Validator: Ihre Reiter sagen es.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::PrivilegeText</name>
    <message>
        <source>Effective privilege: %1 if you run it as root (nothing runs it now and its file grants nothing), %2 with this method (0 is an ordinary user, 100 is root).</source>
        <translation>Effektive Rechte: %1, wenn Sie es als root ausführen (nichts führt es jetzt aus, und seine Datei gewährt nichts), mit dieser Methode %2 (0 ist ein gewöhnlicher Benutzer, 100 ist root).</translation>
    </message>
    <message>
        <source>Effective privilege: %1 if you run it as root (nothing runs it now and its file grants nothing), %2 with the plan (0 is an ordinary user, 100 is root).</source>
        <translation>Effektive Rechte: %1, wenn Sie es als root ausführen (nichts führt es jetzt aus, und seine Datei gewährt nichts), mit dem Plan %2 (0 ist ein gewöhnlicher Benutzer, 100 ist root).</translation>
    </message>
    <message>
        <source>Effective privilege: %1 today (%2), %3 with this method (0 is an ordinary user, 100 is root).</source>
        <translation>Effektive Rechte: heute %1 (%2), mit dieser Methode %3 (0 ist ein gewöhnlicher Benutzer, 100 ist root).</translation>
    </message>
    <message>
        <source>Effective privilege: %1 today (%2), %3 with the plan (0 is an ordinary user, 100 is root).</source>
        <translation>Effektive Rechte: heute %1 (%2), mit dem Plan %3 (0 ist ein gewöhnlicher Benutzer, 100 ist root).</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ProveDialog</name>
    <message>
        <source>With every capability</source>
        <translation>Mit allen Capabilities</translation>
    </message>
    <message>
        <source>Without %1</source>
        <translation>Ohne %1</translation>
    </message>
    <message>
        <source>&amp;Start the trials</source>
        <translation>Proben &amp;starten</translation>
    </message>
    <message>
        <source>Prove the plan for %1</source>
        <translation>Den Plan für %1 erproben</translation>
    </message>
    <message>
        <source>Deroot runs the agent exactly as the plan&apos;s unit would, on temporary units, first with every capability of the plan, then once without each. A capability the agent works without in its trial is offered to drop. Nothing of the system changes: the temporary units are gone afterwards. Each trial lasts the time below; a service must still run at its end and listen on the plan&apos;s ports, and the check command, if you give one, must succeed.</source>
        <translation>Deroot startet den Agenten genau so, wie die Unit des Plans es täte, auf vorübergehenden Units, zuerst mit allen Capabilities des Plans, dann einmal ohne jede. Eine Capability, ohne die der Agent in seiner Probe funktioniert, wird zum Streichen angeboten. Am System ändert sich nichts: Die vorübergehenden Units sind danach weg. Jede Probe dauert die Zeit unten; ein Dienst muss an ihrem Ende noch laufen und auf den Ports des Plans lauschen, und der Prüfbefehl muss gelingen, wenn Sie einen angeben.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Each trial lasts, in seconds</source>
        <translation>Dauer jeder Probe in Sekunden</translation>
    </message>
    <message>
        <source>optional, e.g. curl -fsS http://127.0.0.1:9100/metrics</source>
        <translation>optional, z. B. curl -fsS http://127.0.0.1:9100/metrics</translation>
    </message>
    <message>
        <source>Check command</source>
        <translation>Prüfbefehl</translation>
    </message>
    <message>
        <source>A shell command that must succeed while the agent runs, such as fetching its page. It runs as you, not as root, unless Deroot itself runs as root.</source>
        <translation>Ein Shell-Befehl, der gelingen muss, während der Agent läuft, etwa das Abrufen seiner Seite. Er läuft als Sie, nicht als root, außer Deroot selbst läuft als root.</translation>
    </message>
    <message>
        <source>&amp;Each trial lasts:</source>
        <translation>&amp;Dauer jeder Probe:</translation>
    </message>
    <message>
        <source>Check &amp;command:</source>
        <translation>&amp;Prüfbefehl:</translation>
    </message>
    <message>
        <source>The trials and the verdicts</source>
        <translation>Die Proben und die Urteile</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>no plan yet</source>
        <translation>noch kein Plan</translation>
    </message>
    <message>
        <source>Trial 1 of %1: with every capability…</source>
        <translation>Probe 1 von %1: mit allen Capabilities…</translation>
    </message>
    <message>
        <source>Trial %1 of %2…</source>
        <translation>Probe %1 von %2…</translation>
    </message>
    <message>
        <source>works (%1 s)</source>
        <translation>funktioniert (%1 s)</translation>
    </message>
    <message>
        <source>fails: %1 (%2 s)</source>
        <translation>scheitert: %1 (%2 s)</translation>
    </message>
    <message>
        <source>shown necessary: without it the agent %1</source>
        <translation>als nötig gezeigt; ohne sie: %1</translation>
    </message>
    <message>
        <source>not shown necessary: the agent passed every check without it</source>
        <translation>nicht als nötig gezeigt: Der Agent bestand ohne sie jede Prüfung</translation>
    </message>
    <message>
        <source>The plan does not work as it stands: with every capability the agent %1. Nothing was tried without; fix the plan (its user&apos;s access, its arguments, its ports) first.</source>
        <translation>Der Plan funktioniert so nicht, mit allen Capabilities: %1. Ohne wurde nichts versucht; beheben Sie zuerst den Plan (die Zugriffe seines Benutzers, seine Argumente, seine Ports).</translation>
    </message>
    <message>
        <source>The plan works, and grants no capability.</source>
        <translation>Der Plan funktioniert und gewährt keine Capability.</translation>
    </message>
    <message>
        <source>The plan works, and each of its capabilities was shown necessary.</source>
        <translation>Der Plan funktioniert, und jede seiner Capabilities wurde als nötig gezeigt.</translation>
    </message>
    <message>
        <source>The plan works. The agent also worked without %1 for %2 s: a trial shows only what the agent did in that time, so keep it if the agent needs it now and then (a reload, a rare probe).</source>
        <translation>Der Plan funktioniert. Der Agent lief auch ohne %1 für %2 s: Eine Probe zeigt nur, was der Agent in dieser Zeit tat; behalten Sie sie also, wenn der Agent sie ab und zu braucht (ein Neuladen, eine seltene Messung).</translation>
    </message>
    <message>
        <source>&amp;Drop %1 from the plan</source>
        <translation>%1 aus dem Plan &amp;streichen</translation>
    </message>
    <message>
        <source>The trials did not run: %1</source>
        <translation>Die Proben liefen nicht: %1</translation>
    </message>
    <message numerus="yes">
        <source>Watching it run flagged %n sandbox setting(s) it may work with: each is tried once too.</source>
        <translation>
            <numerusform>Das Beobachten im Lauf hat %n Sandbox-Einstellung markiert, mit der er funktionieren könnte: Sie wird ebenfalls einmal erprobt.</numerusform>
            <numerusform>Das Beobachten im Lauf hat %n Sandbox-Einstellungen markiert, mit denen er funktionieren könnte: Jede wird ebenfalls einmal erprobt.</numerusform>
        </translation>
    </message>
    <message>
        <source>tolerated: the agent worked with it, so the unit can have it</source>
        <translation>verträglich: Der Agent funktionierte damit, die Unit kann sie also haben</translation>
    </message>
    <message>
        <source>breaks the agent: %1</source>
        <translation>bricht den Agenten: %1</translation>
    </message>
    <message>
        <source>not tried: %1</source>
        <translation>nicht erprobt: %1</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Mit %1</translation>
    </message>
    <message>
        <source>the helper&apos;s answer is not a report</source>
        <translation>die Antwort des Helfers ist kein Bericht</translation>
    </message>
    <message>
        <source>The trials run a copy of %1 with the plan&apos;s drop-in, so %1 must be stopped while they run.</source>
        <translation>Die Versuche führen eine Kopie von %1 mit dem Drop-in des Plans aus, daher muss %1 angehalten sein, solange sie laufen.</translation>
    </message>
    <message>
        <source>It also worked with %1, which watching it run suggested: the unit can be made stricter with it.</source>
        <translation>Er funktionierte auch mit %1, was das Beobachten im Lauf nahelegte: Die Unit kann damit strenger werden.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::RecommendationPage</name>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Komplexität</translation>
    </message>
    <message>
        <source>For this agent</source>
        <translation>Für diesen Agenten</translation>
    </message>
    <message>
        <source>Reasons for and against the selected method</source>
        <translation>Gründe für und gegen die gewählte Methode</translation>
    </message>
    <message>
        <source>Why, for this agent</source>
        <translation>Warum, für diesen Agenten</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>Möglich</translation>
    </message>
    <message>
        <source>Not possible here</source>
        <translation>Hier nicht möglich</translation>
    </message>
    <message>
        <source>Fix first: %1</source>
        <translation>Zuerst beheben: %1</translation>
    </message>
    <message>
        <source>Select another row to use another method.</source>
        <translation>Wählen Sie eine andere Zeile, um eine andere Methode zu verwenden.</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Nicht nötig</translation>
    </message>
    <message>
        <source>Not suitable</source>
        <translation>Nicht geeignet</translation>
    </message>
    <message>
        <source>Runs the agent as its own system user; only the commands its rule in /etc/sudoers.d names run as root, with fixed arguments.</source>
        <translation>Führt den Agenten als eigenen Systembenutzer aus; nur die Befehle, die seine Regel in /etc/sudoers.d nennt, laufen als root, mit festen Argumenten.</translation>
    </message>
    <message>
        <source>Runs the agent as its own system user under a hardened systemd unit, with no capabilities at all: it needs nothing an ordinary user lacks.</source>
        <translation>Führt den Agenten als eigenen Systembenutzer unter einer gehärteten systemd-Unit aus, ganz ohne Capabilities: Er braucht nichts, was einem gewöhnlichen Benutzer fehlt.</translation>
    </message>
    <message>
        <source>Runs the agent as its own system user with only the capabilities it needs, granted by a hardened systemd unit (or set on its file where it has no unit), and an AppArmor profile for its files.</source>
        <translation>Führt den Agenten als eigenen Systembenutzer aus, mit nur den Capabilities, die er braucht, gewährt von einer gehärteten systemd-Unit (oder auf seiner Datei gesetzt, wo er keine Unit hat), und mit einem AppArmor-Profil für seine Dateien.</translation>
    </message>
    <message>
        <source>Runs the agent in a hardened container as an unprivileged user, with only the files, devices and ports it needs.</source>
        <translation>Führt den Agenten in einem gehärteten Container als unprivilegierten Benutzer aus, mit nur den Dateien, Geräten und Ports, die er braucht.</translation>
    </message>
    <message>
        <source>Best for: %1</source>
        <translation>Am besten für: %1</translation>
    </message>
    <message>
        <source>Every plan carries CPU, memory and task limits, so a runaway agent cannot take the machine down; the next step adjusts them.</source>
        <translation>Jeder Plan enthält Grenzen für CPU, Speicher und Tasks, damit ein außer Kontrolle geratener Agent die Maschine nicht lahmlegen kann; der nächste Schritt passt sie an.</translation>
    </message>
    <message>
        <source>For %1 Deroot recommends &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Für %1 empfiehlt Deroot &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>You chose &lt;b&gt;%1&lt;/b&gt; for %2; Deroot recommends %3.</source>
        <translation>Sie haben &lt;b&gt;%1&lt;/b&gt; für %2 gewählt; Deroot empfiehlt %3.</translation>
    </message>
    <message>
        <source>This agent does not need it: see why below.</source>
        <translation>Dieser Agent braucht sie nicht: Warum, steht unten.</translation>
    </message>
    <message>
        <source>It does not suit this agent: see why below.</source>
        <translation>Sie passt nicht zu diesem Agenten: Warum, steht unten.</translation>
    </message>
    <message>
        <source>The three methods; select the one to use</source>
        <translation>Die drei Methoden; wählen Sie die zu verwendende</translation>
    </message>
    <message>
        <source>Speaks for this method</source>
        <translation>Spricht für diese Methode</translation>
    </message>
    <message>
        <source>Speaks against this method</source>
        <translation>Spricht gegen diese Methode</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::Severity</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::UiPlugin</name>
    <message>
        <source>Deroot&apos;s module %1 is missing</source>
        <translation>Deroots Modul %1 fehlt</translation>
    </message>
    <message>
        <source>Deroot&apos;s module %1 cannot be loaded: %2</source>
        <translation>Deroots Modul %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Deroot&apos;s module %1 is not the one this version of Deroot needs</source>
        <translation>Deroots Modul %1 ist nicht das, das diese Version von Deroot braucht</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::WizardSession</name>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>There is no plan to export yet.</source>
        <translation>Es gibt noch keinen Plan zum Exportieren.</translation>
    </message>
    <message>
        <source>The validators are still checking the plan.</source>
        <translation>Die Validatoren prüfen den Plan noch.</translation>
    </message>
    <message>
        <source>The generated %1 fails its validator (%2): nothing was written.</source>
        <translation>Die erzeugte Datei %1 besteht ihren Validator nicht (%2): Nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Choose where to export the plan.</source>
        <translation>Wählen Sie, wohin der Plan exportiert wird.</translation>
    </message>
    <message>
        <source>the service user</source>
        <translation>der Dienstbenutzer</translation>
    </message>
    <message>
        <source>the paths it reads</source>
        <translation>die Pfade, die er liest</translation>
    </message>
    <message>
        <source>the paths it writes</source>
        <translation>die Pfade, die er schreibt</translation>
    </message>
    <message>
        <source>the devices</source>
        <translation>die Geräte</translation>
    </message>
    <message>
        <source>the groups</source>
        <translation>die Gruppen</translation>
    </message>
    <message>
        <source>the ports</source>
        <translation>die Ports</translation>
    </message>
    <message>
        <source>the capabilities</source>
        <translation>die Capabilities</translation>
    </message>
    <message>
        <source>the resource limits</source>
        <translation>die Ressourcengrenzen</translation>
    </message>
    <message>
        <source>There is no plan to apply yet.</source>
        <translation>Es gibt noch keinen Plan zum Anwenden.</translation>
    </message>
    <message>
        <source>The generated %1 fails its validator (%2): nothing was applied.</source>
        <translation>Die erzeugte Datei %1 besteht ihre Prüfung nicht (%2): Nichts wurde angewendet.</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>die Befehlszeile</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source>the environment files</source>
        <translation>die Umgebungsdateien</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>Prozess %1 (%2)</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>Process %1 (%2)</source>
        <translation>Prozess %1 (%2)</translation>
    </message>
</context>
</TS>
