<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Deroot::Core</name>
    <message>
        <source>the helper&apos;s answer is not a JSON object</source>
        <translation>die Antwort des Helfers ist kein JSON-Objekt</translation>
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
</context>
<context>
    <name>Deroot::Core::HelperClient</name>
    <message>
        <source>the system bus is not available: %1</source>
        <translation>der Systembus ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>the helper&apos;s answer is not a JSON array</source>
        <translation>die Antwort des Helfers ist kein JSON-Array</translation>
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
</context>
<context>
    <name>Deroot::Ui::MainWindow</name>
    <message>
        <source>Comparison of the three methods</source>
        <translation>Vergleich der drei Methoden</translation>
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
        <translation>Aufwand</translation>
    </message>
    <message>
        <source>Best for</source>
        <translation>Am besten für</translation>
    </message>
    <message>
        <source>Deroot</source>
        <translation>Deroot</translation>
    </message>
    <message>
        <source>Stop running infrastructure agents as root</source>
        <translation>Infrastruktur-Agenten nicht länger als root ausführen</translation>
    </message>
    <message>
        <source>Monitoring and infrastructure agents often run as root because it is easy, so one bug, bad configuration or supply-chain attack in them takes the whole machine. Deroot inspects an agent, finds what it really needs, and recommends one of three ways to give it exactly that and nothing more:</source>
        <translation>Überwachungs- und Infrastruktur-Agenten laufen oft als root, weil es bequem ist. So kostet ein einziger Fehler, eine falsche Konfiguration oder ein Angriff auf die Lieferkette die ganze Maschine. Deroot untersucht einen Agenten, ermittelt, was er wirklich braucht, und empfiehlt einen von drei Wegen, ihm genau das zu geben und nicht mehr:</translation>
    </message>
</context>
</TS>
