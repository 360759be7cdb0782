<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Deroot::Core::ApplyOutcome</name>
    <message>
        <source>the helper&apos;s answer names no apply id or outcome</source>
        <translation>la réponse de l&apos;auxiliaire ne donne ni identifiant d&apos;application ni résultat</translation>
    </message>
    <message>
        <source>Timer (%1), as systemd has it:</source>
        <translation>Minuterie (%1), telle que systemd la voit :</translation>
    </message>
    <message>
        <source>Running agent (%1, pid %2):</source>
        <translation>Agent en cours d&apos;exécution (%1, pid %2) :</translation>
    </message>
    <message>
        <source>%1: %2 as planned</source>
        <translation>%1 : %2 comme prévu</translation>
    </message>
    <message>
        <source>%1: %2, but the plan expects %3</source>
        <translation>%1 : %2, mais le plan attend %3</translation>
    </message>
    <message numerus="yes">
        <source>Applied: %n step(s) done.</source>
        <translation>
            <numerusform>Appliqué : %n étape faite.</numerusform>
            <numerusform>Appliqué : %n étapes faites.</numerusform>
        </translation>
    </message>
    <message>
        <source>The apply failed and everything it had changed was undone: %1</source>
        <translation>L&apos;application a échoué et tout ce qu&apos;elle avait modifié a été défait : %1</translation>
    </message>
    <message>
        <source>Applied, but the running agent does not match the plan: %1. Undo it, or look into it and undo it later with its apply id.</source>
        <translation>Appliqué, mais l&apos;agent en cours d&apos;exécution ne correspond pas au plan : %1. Défaites l&apos;application, ou examinez-la et défaites-la plus tard avec son identifiant.</translation>
    </message>
    <message>
        <source>The apply failed: %1</source>
        <translation>L&apos;application a échoué : %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Artifact</name>
    <message>
        <source>Confines %1 with AppArmor (complain mode until reviewed): only its capabilities, address families and paths.</source>
        <translation>Confine %1 avec AppArmor (mode complain jusqu&apos;à relecture) : seulement ses capabilities, familles d&apos;adresses et chemins.</translation>
    </message>
    <message>
        <source>Creates the system user %1 the agent %2 runs as: no password, no home directory, no login shell.</source>
        <translation>Crée l&apos;utilisateur système %1 sous lequel tourne l&apos;agent %2 : pas de mot de passe, pas de répertoire personnel, pas de shell de connexion.</translation>
    </message>
    <message>
        <source>Creates the system group %1 before the user: useradd -g needs it.</source>
        <translation>Crée le groupe système %1 avant l&apos;utilisateur : useradd -g en a besoin.</translation>
    </message>
    <message>
        <source>Declares the system user %1 for systemd-sysusers, the declarative equivalent of the useradd line.</source>
        <translation>Déclare l&apos;utilisateur système %1 pour systemd-sysusers, l&apos;équivalent déclaratif de la ligne useradd.</translation>
    </message>
    <message>
        <source>run this again after every update of the program.</source>
        <translation>relancez ceci après chaque mise à jour du programme.</translation>
    </message>
    <message>
        <source>every upgrade of the package %1 removes them, so run this again after each one (or use the systemd unit&apos;s AmbientCapabilities=, which upgrades keep).</source>
        <translation>chaque mise à niveau du paquet %1 les supprime : relancez ceci après chacune (ou utilisez AmbientCapabilities= de l&apos;unité systemd, que les mises à niveau conservent).</translation>
    </message>
    <message>
        <source>every upgrade of the package %1 removes them, so run this again after each one.</source>
        <translation>chaque mise à niveau du paquet %1 les supprime : relancez ceci après chacune.</translation>
    </message>
    <message>
        <source>Lets %1 run %2 fixed command as root without a password; NOPASSWD is flagged by STIG/CIS scans (sudo_remove_nopasswd).</source>
        <translation>Permet à %1 d&apos;exécuter %2 commande fixe en root sans mot de passe ; NOPASSWD est signalé par les analyses STIG/CIS (sudo_remove_nopasswd).</translation>
    </message>
    <message>
        <source>Lets %1 run %2 fixed commands as root without a password; NOPASSWD is flagged by STIG/CIS scans (sudo_remove_nopasswd).</source>
        <translation>Permet à %1 d&apos;exécuter %2 commandes fixes en root sans mot de passe ; NOPASSWD est signalé par les analyses STIG/CIS (sudo_remove_nopasswd).</translation>
    </message>
    <message>
        <source>no capability</source>
        <translation>aucune capability</translation>
    </message>
    <message>
        <source>Runs %1 as %2 with %3 and a sandbox, over the vendor&apos;s %4.</source>
        <translation>Exécute %1 en tant que %2 avec %3 et un bac à sable, par-dessus %4 du fournisseur.</translation>
    </message>
    <message>
        <source>Runs %1 as %2 with %3 and a sandbox.</source>
        <translation>Exécute %1 en tant que %2 avec %3 et un bac à sable.</translation>
    </message>
    <message>
        <source>Starts %1 on the schedule %2 (OnCalendar=).</source>
        <translation>Démarre %1 selon le calendrier %2 (OnCalendar=).</translation>
    </message>
    <message>
        <source>Runs %1 in a read-only container with only %2, as root inside because Docker gives a non-root user no effective added capability; use userns-remap.</source>
        <translation>Exécute %1 dans un conteneur en lecture seule avec seulement %2, en root à l&apos;intérieur car Docker ne donne à un utilisateur non root aucune capability ajoutée effective ; utilisez userns-remap.</translation>
    </message>
    <message>
        <source>Runs %1 in a read-only container as the unprivileged uid %2 with no capability.</source>
        <translation>Exécute %1 dans un conteneur en lecture seule sous l&apos;uid non privilégié %2, sans capability.</translation>
    </message>
    <message>
        <source>The same container as the docker run line, for docker compose: root inside with only %1, because Docker gives a non-root user no effective added capability.</source>
        <translation>Le même conteneur que la ligne docker run, pour docker compose : root à l&apos;intérieur avec seulement %1, car Docker ne donne à un utilisateur non root aucune capability ajoutée effective.</translation>
    </message>
    <message>
        <source>The same container as the docker run line, for docker compose: the unprivileged uid %1, no capability.</source>
        <translation>Le même conteneur que la ligne docker run, pour docker compose : l&apos;uid non privilégié %1, aucune capability.</translation>
    </message>
    <message>
        <source>Runs %1 under Podman and systemd as the unprivileged uid %2 with no capability.</source>
        <translation>Exécute %1 sous Podman et systemd avec l&apos;uid non privilégié %2, sans capability.</translation>
    </message>
    <message>
        <source>Runs %1 under Podman and systemd as the unprivileged uid %2 with %3: Podman makes added capabilities ambient for a non-root user, so no root is needed.</source>
        <translation>Exécute %1 sous Podman et systemd avec l&apos;uid non privilégié %2 et %3 : Podman rend les capabilities ajoutées ambiantes pour un utilisateur non root, donc root n&apos;est pas nécessaire.</translation>
    </message>
    <message>
        <source>Runs %1 on every node as a DaemonSet meeting the Pod Security Standards &quot;%2&quot; profile.</source>
        <translation>Exécute %1 sur chaque nœud comme DaemonSet conforme au profil « %2 » des Pod Security Standards.</translation>
    </message>
    <message>
        <source>Runs %1 on every node as a DaemonSet meeting the Pod Security Standards &quot;%2&quot; profile (not stricter: %3).</source>
        <translation>Exécute %1 sur chaque nœud comme DaemonSet conforme au profil « %2 » des Pod Security Standards (pas plus strict : %3).</translation>
    </message>
    <message>
        <source>hostNetwork: the agent measures the host&apos;s network (its catalog entry)</source>
        <translation>hostNetwork : l&apos;agent mesure le réseau de l&apos;hôte (selon son entrée du catalogue)</translation>
    </message>
    <message>
        <source>hostNetwork: the agent needs AF_PACKET or CAP_NET_ADMIN on the host&apos;s interfaces</source>
        <translation>hostNetwork : l&apos;agent a besoin d&apos;AF_PACKET ou de CAP_NET_ADMIN sur les interfaces de l&apos;hôte</translation>
    </message>
    <message>
        <source>hostPID: the agent reads the host&apos;s processes</source>
        <translation>hostPID : l&apos;agent lit les processus de l&apos;hôte</translation>
    </message>
    <message>
        <source>hostPath volume /: the agent reads the host&apos;s file systems</source>
        <translation>volume hostPath / : l&apos;agent lit les systèmes de fichiers de l&apos;hôte</translation>
    </message>
    <message>
        <source>hostPath volumes: the agent reads the host&apos;s /proc or /sys</source>
        <translation>volumes hostPath : l&apos;agent lit /proc ou /sys de l&apos;hôte</translation>
    </message>
    <message>
        <source>capabilities.add %1: not in the baseline profile&apos;s list</source>
        <translation>capabilities.add %1 : absentes de la liste du profil baseline</translation>
    </message>
    <message>
        <source>runAsNonRoot: false and runAsUser: 0: Kubernetes has no ambient capabilities, so a non-root container gets none of the added %1 (allowPrivilegeEscalation: false also blocks file capabilities)</source>
        <translation>runAsNonRoot: false et runAsUser: 0 : Kubernetes n&apos;a pas de capabilities ambiantes, un conteneur non root n&apos;obtient donc aucune des %1 ajoutées (allowPrivilegeEscalation: false bloque aussi les capabilities de fichier)</translation>
    </message>
    <message>
        <source>capabilities.add %1: restricted allows NET_BIND_SERVICE only</source>
        <translation>capabilities.add %1 : restricted n&apos;autorise que NET_BIND_SERVICE</translation>
    </message>
    <message>
        <source>Gives %1 only %2 when anyone runs it; `getcap %1` must then print &quot;%1 %3&quot;. +ep (permitted and effective) is enough for a program that does not start others with the capability; the often advised +eip also lets children holding it as inheritable keep it, which is rarely needed and widens what a compromise reaches. Writing the file drops file capabilities: %4</source>
        <translation>Donne à %1 seulement %2 quand quiconque l&apos;exécute ; `getcap %1` doit ensuite afficher « %1 %3 ». +ep (permise et effective) suffit pour un programme qui n&apos;en lance pas d&apos;autres avec la capability ; le +eip souvent conseillé la laisse aussi aux enfants qui la tiennent comme héritable, ce qui est rarement utile et élargit ce qu&apos;une compromission atteint. Réécrire le fichier supprime les capabilities de fichier : %4</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Audit</name>
    <message>
        <source>the service manager (PID 1): it must run as root; nothing to change</source>
        <translation>le gestionnaire de services (PID 1) : il doit tourner en root ; rien à changer</translation>
    </message>
    <message>
        <source>part of systemd, privileged by design and already sandboxed by its unit; leave it as it is</source>
        <translation>fait partie de systemd, privilégié par conception et déjà confiné par son unité ; laissez-le tel quel</translation>
    </message>
    <message>
        <source>a root login session: fine for an admin at work, not for an agent; agents belong in their own units</source>
        <translation>une session root : normale pour un administrateur au travail, pas pour un agent ; les agents vont dans leurs propres unités</translation>
    </message>
    <message>
        <source>select it, then Open in the wizard</source>
        <translation>sélectionnez-le, puis « Ouvrir dans l&apos;assistant »</translation>
    </message>
    <message>
        <source>runs as root with full capabilities: inspect it (%1) and give it only what it needs</source>
        <translation>tourne en root avec toutes les capabilities : inspectez-le (%1) et donnez-lui seulement ce dont il a besoin</translation>
    </message>
    <message>
        <source>runs as root with %1 capabilities (%2): run it as its own user with just these as ambient capabilities (%3)</source>
        <translation>tourne en root avec %1 capabilities (%2) : exécutez-le sous son propre utilisateur avec seulement celles-ci en capabilities ambiantes (%3)</translation>
    </message>
    <message>
        <source>runs as uid 0 without capabilities but still owns root&apos;s files: run it as its own user (%1)</source>
        <translation>tourne en uid 0 sans capabilities mais possède encore les fichiers de root : exécutez-le sous son propre utilisateur (%1)</translation>
    </message>
    <message>
        <source>runs as %1 but holds root-equivalent %2: check that it really needs it (%3)</source>
        <translation>tourne en tant que %1 mais détient %2, équivalent à root : vérifiez qu&apos;il en a vraiment besoin (%3)</translation>
    </message>
    <message>
        <source>runs as %1 with only %2: already de-rooted; keep its bounding set to these</source>
        <translation>tourne en tant que %1 avec seulement %2 : déjà sans root ; limitez son ensemble borné à celles-ci</translation>
    </message>
    <message>
        <source>a standard set-uid or set-gid program of the system: its job needs it; leave it as its package set it</source>
        <translation>un programme set-uid ou set-gid standard du système : sa tâche l&apos;exige ; laissez-le tel que son paquet l&apos;a installé</translation>
    </message>
    <message>
        <source>namespaced capabilities %1 for root uid %2: they apply only in a user namespace whose root is that uid; remove them if no container needs them</source>
        <translation>capabilities d&apos;espace de noms %1 pour l&apos;uid root %2 : elles ne valent que dans un espace de noms utilisateur dont root est cet uid ; supprimez-les si aucun conteneur n&apos;en a besoin</translation>
    </message>
    <message>
        <source>file capabilities %1 give root-equivalent %2 to anyone who may run it: limit who may execute it (group, mode 0750) or drop them</source>
        <translation>les capabilities de fichier %1 donnent %2, équivalent à root, à quiconque peut l&apos;exécuter : limitez qui peut l&apos;exécuter (groupe, mode 0750) ou supprimez-les</translation>
    </message>
    <message>
        <source>an empty capability set (%1): it grants nothing and pins the file unprivileged</source>
        <translation>un ensemble de capabilities vide (%1) : il n&apos;accorde rien et fige le fichier sans privilège</translation>
    </message>
    <message>
        <source>file capabilities %1 for anyone who may run it; a package upgrade resets them unless the package sets them</source>
        <translation>capabilities de fichier %1 pour quiconque peut l&apos;exécuter ; une mise à niveau du paquet les efface, sauf si le paquet les pose lui-même</translation>
    </message>
    <message>
        <source>set-uid root: anyone who may run it runs it as root; keep it only if it must (passwd, su, sudo, mount)</source>
        <translation>set-uid root : quiconque peut l&apos;exécuter l&apos;exécute en root ; gardez-le seulement s&apos;il le faut (passwd, su, sudo, mount)</translation>
    </message>
    <message>
        <source>set-uid %1: it runs with %1&apos;s rights</source>
        <translation>set-uid %1 : il s&apos;exécute avec les droits de %1</translation>
    </message>
    <message>
        <source>set-gid %1: it runs with group %1&apos;s rights</source>
        <translation>set-gid %1 : il s&apos;exécute avec les droits du groupe %1</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 et %2 de plus</translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation>%1 n&apos;a pas pu être lu : %2.</translation>
    </message>
    <message>
        <source>The capabilities of %1 could not be read: %2.</source>
        <translation>Les capabilities de %1 n&apos;ont pas pu être lues : %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) could not be read (permission denied); run the audit as root to see them all.</source>
        <translation>
            <numerusform>%n processus n&apos;a pas pu être lu (permission refusée) ; lancez l&apos;audit en root pour tous les voir.</numerusform>
            <numerusform>%n processus n&apos;ont pas pu être lus (permission refusée) ; lancez l&apos;audit en root pour tous les voir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The executables of %n listed process(es) could not be read (permission denied); they are grouped by unit or command name. Run the audit as root to see them.</source>
        <translation>
            <numerusform>L&apos;exécutable de %n processus listé n&apos;a pas pu être lu (permission refusée) ; il est regroupé par unité ou nom de commande. Lancez l&apos;audit en root pour le voir.</numerusform>
            <numerusform>Les exécutables de %n processus listés n&apos;ont pas pu être lus (permission refusée) ; ils sont regroupés par unité ou nom de commande. Lancez l&apos;audit en root pour les voir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Capability</name>
    <message>
        <source>change the owner of any file</source>
        <translation>changer le propriétaire de n’importe quel fichier</translation>
    </message>
    <message>
        <source>read, write and execute any file regardless of its permissions</source>
        <translation>lire, écrire et exécuter n’importe quel fichier, quelles que soient ses permissions</translation>
    </message>
    <message>
        <source>read any file and list any directory regardless of permissions</source>
        <translation>lire n’importe quel fichier et lister n’importe quel répertoire, quelles que soient les permissions</translation>
    </message>
    <message>
        <source>act as the owner of any file (change its mode, attributes, capabilities)</source>
        <translation>agir comme propriétaire de n’importe quel fichier (en changer le mode, les attributs, les capacités)</translation>
    </message>
    <message>
        <source>keep set-user-ID and set-group-ID bits when changing files</source>
        <translation>conserver les bits set-user-ID et set-group-ID en modifiant des fichiers</translation>
    </message>
    <message>
        <source>send signals to any process</source>
        <translation>envoyer des signaux à n’importe quel processus</translation>
    </message>
    <message>
        <source>change to any group id</source>
        <translation>passer à n’importe quel identifiant de groupe</translation>
    </message>
    <message>
        <source>change to any user id, root included</source>
        <translation>passer à n’importe quel identifiant d’utilisateur, root compris</translation>
    </message>
    <message>
        <source>change its own and other processes&apos; capability sets</source>
        <translation>modifier ses propres capacités et celles d’autres processus</translation>
    </message>
    <message>
        <source>set the immutable and append-only file attributes</source>
        <translation>poser les attributs de fichier « immuable » et « ajout seul »</translation>
    </message>
    <message>
        <source>listen on ports below 1024</source>
        <translation>écouter sur les ports inférieurs à 1024</translation>
    </message>
    <message>
        <source>send broadcasts and listen to multicasts</source>
        <translation>envoyer des diffusions et écouter le multicast</translation>
    </message>
    <message>
        <source>configure network interfaces, routes, firewall rules</source>
        <translation>configurer les interfaces réseau, les routes et les règles de pare-feu</translation>
    </message>
    <message>
        <source>use raw and packet sockets (ping, packet capture)</source>
        <translation>utiliser des sockets bruts et de paquets (ping, capture de paquets)</translation>
    </message>
    <message>
        <source>lock memory so it is never swapped out</source>
        <translation>verrouiller de la mémoire pour qu’elle ne soit jamais mise en swap</translation>
    </message>
    <message>
        <source>bypass permission checks on System V IPC objects</source>
        <translation>contourner les contrôles d’accès des objets IPC System V</translation>
    </message>
    <message>
        <source>load and unload kernel modules</source>
        <translation>charger et décharger des modules du noyau</translation>
    </message>
    <message>
        <source>raw access to I/O ports, memory and block devices</source>
        <translation>accès direct aux ports d’E/S, à la mémoire et aux périphériques bloc</translation>
    </message>
    <message>
        <source>change the root directory</source>
        <translation>changer de répertoire racine</translation>
    </message>
    <message>
        <source>trace and inspect any process, read its memory</source>
        <translation>tracer et examiner n’importe quel processus, lire sa mémoire</translation>
    </message>
    <message>
        <source>switch process accounting on and off</source>
        <translation>activer et désactiver la comptabilité des processus</translation>
    </message>
    <message>
        <source>a great many administrative operations: mount, namespaces, and more</source>
        <translation>un très grand nombre d’opérations d’administration : montages, espaces de noms, etc.</translation>
    </message>
    <message>
        <source>reboot the machine or load a new kernel</source>
        <translation>redémarrer la machine ou charger un nouveau noyau</translation>
    </message>
    <message>
        <source>raise priorities and set real-time scheduling of any process</source>
        <translation>augmenter les priorités et imposer l’ordonnancement temps réel à n’importe quel processus</translation>
    </message>
    <message>
        <source>override resource limits and quotas</source>
        <translation>passer outre les limites de ressources et les quotas</translation>
    </message>
    <message>
        <source>set the system clock</source>
        <translation>régler l’horloge du système</translation>
    </message>
    <message>
        <source>configure terminals (vhangup and more)</source>
        <translation>configurer les terminaux (vhangup, etc.)</translation>
    </message>
    <message>
        <source>create device files</source>
        <translation>créer des fichiers de périphérique</translation>
    </message>
    <message>
        <source>take file leases on files it does not own</source>
        <translation>prendre des baux (leases) sur des fichiers qui ne lui appartiennent pas</translation>
    </message>
    <message>
        <source>write records to the kernel audit log</source>
        <translation>écrire dans le journal d’audit du noyau</translation>
    </message>
    <message>
        <source>configure kernel auditing</source>
        <translation>configurer l’audit du noyau</translation>
    </message>
    <message>
        <source>set file capabilities on any file</source>
        <translation>poser des capacités de fichier sur n’importe quel fichier</translation>
    </message>
    <message>
        <source>override mandatory access control (Smack)</source>
        <translation>passer outre le contrôle d’accès obligatoire (Smack)</translation>
    </message>
    <message>
        <source>configure mandatory access control (Smack)</source>
        <translation>configurer le contrôle d’accès obligatoire (Smack)</translation>
    </message>
    <message>
        <source>read and clear the kernel log, see kernel addresses</source>
        <translation>lire et vider le journal du noyau, voir les adresses du noyau</translation>
    </message>
    <message>
        <source>set alarms that wake the system</source>
        <translation>programmer des alarmes qui réveillent le système</translation>
    </message>
    <message>
        <source>keep the system from suspending</source>
        <translation>empêcher la mise en veille du système</translation>
    </message>
    <message>
        <source>read the kernel audit log</source>
        <translation>lire le journal d’audit du noyau</translation>
    </message>
    <message>
        <source>use performance monitoring and tracing</source>
        <translation>utiliser la surveillance des performances et le traçage</translation>
    </message>
    <message>
        <source>load BPF programs and maps</source>
        <translation>charger des programmes et des maps BPF</translation>
    </message>
    <message>
        <source>checkpoint and restore processes</source>
        <translation>sauvegarder et restaurer des processus (checkpoint/restore)</translation>
    </message>
    <message>
        <source>Spengler 2011: equal to root</source>
        <translation>Spengler 2011 : équivalent à root</translation>
    </message>
    <message>
        <source>Spengler 2011: very likely leads to root</source>
        <translation>Spengler 2011 : mène très probablement à root</translation>
    </message>
    <message>
        <source>split from CAP_SYS_ADMIN (capabilities(7)); kernel-wide reach</source>
        <translation>détachée de CAP_SYS_ADMIN (capabilities(7)) ; portée sur tout le noyau</translation>
    </message>
    <message>
        <source>Spengler 2011: equal to root (situational)</source>
        <translation>Spengler 2011 : équivalent à root (selon la situation)</translation>
    </message>
    <message>
        <source>capabilities(7): undermines audit logs kept append-only</source>
        <translation>capabilities(7) : sape les journaux d&apos;audit en ajout seul</translation>
    </message>
    <message>
        <source>capabilities(7): binds privileged ports only</source>
        <translation>capabilities(7) : ne lie que des ports privilégiés</translation>
    </message>
    <message>
        <source>capabilities(7): unused by the kernel</source>
        <translation>capabilities(7) : inutilisée par le noyau</translation>
    </message>
    <message>
        <source>Spengler 2011: very likely leads to root (spoofing, sniffing local traffic)</source>
        <translation>Spengler 2011 : mène très probablement à root (usurpation, écoute du trafic local)</translation>
    </message>
    <message>
        <source>capabilities(7): resource use only</source>
        <translation>capabilities(7) : consommation de ressources seulement</translation>
    </message>
    <message>
        <source>capabilities(7): accounting only</source>
        <translation>capabilities(7) : comptabilité seulement</translation>
    </message>
    <message>
        <source>capabilities(7): &quot;the new root&quot;</source>
        <translation>capabilities(7) : « le nouveau root »</translation>
    </message>
    <message>
        <source>capabilities(7): can starve the machine</source>
        <translation>capabilities(7) : peut affamer la machine</translation>
    </message>
    <message>
        <source>capabilities(7): can exhaust reserved resources</source>
        <translation>capabilities(7) : peut épuiser les ressources réservées</translation>
    </message>
    <message>
        <source>capabilities(7): clock changes break TLS, logs and Kerberos</source>
        <translation>capabilities(7) : changer l&apos;horloge casse TLS, les journaux et Kerberos</translation>
    </message>
    <message>
        <source>capabilities(7): delays other processes only</source>
        <translation>capabilities(7) : ne retarde que d&apos;autres processus</translation>
    </message>
    <message>
        <source>capabilities(7): can add forged audit records</source>
        <translation>capabilities(7) : peut ajouter des entrées d&apos;audit falsifiées</translation>
    </message>
    <message>
        <source>capabilities(7): bypasses the MAC layer</source>
        <translation>capabilities(7) : contourne la couche MAC</translation>
    </message>
    <message>
        <source>capabilities(7): reconfigures the MAC layer</source>
        <translation>capabilities(7) : reconfigure la couche MAC</translation>
    </message>
    <message>
        <source>capabilities(7): exposes kernel addresses</source>
        <translation>capabilities(7) : expose les adresses du noyau</translation>
    </message>
    <message>
        <source>capabilities(7): power only</source>
        <translation>capabilities(7) : gestion de l&apos;énergie seulement</translation>
    </message>
    <message>
        <source>capabilities(7): reads what every user did</source>
        <translation>capabilities(7) : lit ce que chaque utilisateur a fait</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Catalog</name>
    <message>
        <source>sends and receives ARP frames on a packet socket</source>
        <translation>envoie et reçoit des trames ARP sur un socket de paquets</translation>
    </message>
    <message>
        <source>ARP is a link-layer protocol: only a packet socket can send it</source>
        <translation>ARP est un protocole de la couche liaison : seul un socket de paquets peut l&apos;envoyer</translation>
    </message>
    <message>
        <source>ICMP probes open raw ICMP sockets</source>
        <translation>les sondes ICMP ouvrent des sockets ICMP bruts</translation>
    </message>
    <message>
        <source>ICMP probes are configured and ping_group_range does not admit its group</source>
        <translation>des sondes ICMP sont configurées et ping_group_range n&apos;admet pas son groupe</translation>
    </message>
    <message>
        <source>serves /probe and /metrics, default :9115</source>
        <translation>sert /probe et /metrics, par défaut :9115</translation>
    </message>
    <message>
        <source>probes over IPv4</source>
        <translation>sondes en IPv4</translation>
    </message>
    <message>
        <source>probes over IPv6</source>
        <translation>sondes en IPv6</translation>
    </message>
    <message>
        <source>talks to the Docker daemon&apos;s socket for container names and labels</source>
        <translation>dialogue avec le socket du démon Docker pour les noms et étiquettes des conteneurs</translation>
    </message>
    <message>
        <source>reads container metadata and layer sizes</source>
        <translation>lit les métadonnées des conteneurs et la taille des couches</translation>
    </message>
    <message>
        <source>serves its UI and /metrics, default :8080</source>
        <translation>sert son interface et /metrics, par défaut :8080</translation>
    </message>
    <message>
        <source>watches the kernel log for OOM kills</source>
        <translation>surveille le journal du noyau pour les arrêts par OOM</translation>
    </message>
    <message>
        <source>it asks the container runtime through its socket under /var/run (upstream mounts /var/run into the container, and the runtime&apos;s socket amounts to root) and reads every container&apos;s cgroups and the runtime&apos;s state under /var/lib/docker</source>
        <translation>il interroge le moteur de conteneurs par son socket sous /var/run (le projet monte /var/run dans le conteneur, et le socket du moteur équivaut à root) et lit les cgroups de chaque conteneur et l&apos;état du moteur sous /var/lib/docker</translation>
    </message>
    <message>
        <source>adjusts the system clock (adjtimex, clock_settime)</source>
        <translation>ajuste l&apos;horloge système (adjtimex, clock_settime)</translation>
    </message>
    <message>
        <source>serves NTP on port 123</source>
        <translation>sert NTP sur le port 123</translation>
    </message>
    <message>
        <source>it serves time to others (allow directive)</source>
        <translation>il fournit l&apos;heure à d&apos;autres (directive allow)</translation>
    </message>
    <message>
        <source>drift file and NTS keys</source>
        <translation>fichier de dérive et clés NTS</translation>
    </message>
    <message>
        <source>statistics logs</source>
        <translation>journaux de statistiques</translation>
    </message>
    <message>
        <source>PID file and command socket</source>
        <translation>fichier PID et socket de commande</translation>
    </message>
    <message>
        <source>NTP server port</source>
        <translation>port du serveur NTP</translation>
    </message>
    <message>
        <source>chronyc command port on localhost</source>
        <translation>port de commande de chronyc sur localhost</translation>
    </message>
    <message>
        <source>chronyc is to reach it over UDP; chronyc uses the Unix socket /run/chrony/chronyd.sock first, and Debian&apos;s chronyd-restricted.service runs without CAP_NET_BIND_SERVICE</source>
        <translation>chronyc doit le joindre en UDP ; chronyc utilise d&apos;abord le socket Unix /run/chrony/chronyd.sock, et chronyd-restricted.service de Debian tourne sans CAP_NET_BIND_SERVICE</translation>
    </message>
    <message>
        <source>NTP over IPv4</source>
        <translation>NTP en IPv4</translation>
    </message>
    <message>
        <source>NTP over IPv6</source>
        <translation>NTP en IPv6</translation>
    </message>
    <message>
        <source>chronyc&apos;s command socket</source>
        <translation>socket de commande de chronyc</translation>
    </message>
    <message>
        <source>RTC tracking (rtcsync, rtcfile)</source>
        <translation>suivi de la RTC (rtcsync, rtcfile)</translation>
    </message>
    <message>
        <source>RTC tracking is configured</source>
        <translation>le suivi de la RTC est configuré</translation>
    </message>
    <message>
        <source>PTP hardware clocks as reference clocks</source>
        <translation>horloges matérielles PTP comme horloges de référence</translation>
    </message>
    <message>
        <source>a PHC refclock is configured</source>
        <translation>une horloge de référence PHC est configurée</translation>
    </message>
    <message>
        <source>chronyd refuses to start as a non-root user (&apos;Fatal error : Not superuser&apos;) unless told that its service manager gives it the capabilities it needs</source>
        <translation>chronyd refuse de démarrer sous un utilisateur non root (&apos;Fatal error : Not superuser&apos;) sauf si on lui indique que son gestionnaire de services lui donne les capabilities nécessaires</translation>
    </message>
    <message>
        <source>chronyd detaches from its parent by default; a Type=simple unit or a container needs it in the foreground</source>
        <translation>chronyd se détache de son parent par défaut ; une unité Type=simple ou un conteneur le veut au premier plan</translation>
    </message>
    <message>
        <source>the ping plugin (liboping) sends ICMP</source>
        <translation>le plugin ping (liboping) envoie de l&apos;ICMP</translation>
    </message>
    <message>
        <source>the ping plugin is loaded</source>
        <translation>le plugin ping est chargé</translation>
    </message>
    <message>
        <source>the iptables plugin reads firewall counters through libiptc</source>
        <translation>le plugin iptables lit les compteurs du pare-feu par libiptc</translation>
    </message>
    <message>
        <source>the iptables plugin is loaded</source>
        <translation>le plugin iptables est chargé</translation>
    </message>
    <message>
        <source>the smart plugin sends ATA commands to disks itself (libatasmart)</source>
        <translation>le plugin smart envoie lui-même des commandes ATA aux disques (libatasmart)</translation>
    </message>
    <message>
        <source>the smart plugin is loaded</source>
        <translation>le plugin smart est chargé</translation>
    </message>
    <message>
        <source>collectd forks to the background by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>collectd passe en arrière-plan par défaut ; l&apos;unité Type=simple de Deroot et un conteneur le veulent au premier plan</translation>
    </message>
    <message>
        <source>DNS interface on port 53 instead of 8600</source>
        <translation>interface DNS sur le port 53 au lieu de 8600</translation>
    </message>
    <message>
        <source>ports.dns is set to 53</source>
        <translation>ports.dns vaut 53</translation>
    </message>
    <message>
        <source>data_dir</source>
        <translation>data_dir</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>API HTTP</translation>
    </message>
    <message>
        <source>server RPC</source>
        <translation>RPC du serveur</translation>
    </message>
    <message>
        <source>running as a server</source>
        <translation>en fonctionnement comme serveur</translation>
    </message>
    <message>
        <source>LAN gossip (Serf)</source>
        <translation>gossip LAN (Serf)</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>serves DNS on port 53</source>
        <translation>sert le DNS sur le port 53</translation>
    </message>
    <message>
        <source>DNS over TCP</source>
        <translation>DNS en TCP</translation>
    </message>
    <message>
        <source>the prometheus plugin&apos;s /metrics</source>
        <translation>/metrics du plugin prometheus</translation>
    </message>
    <message>
        <source>the prometheus plugin is enabled</source>
        <translation>le plugin prometheus est activé</translation>
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
        <translation>sockets locaux</translation>
    </message>
    <message>
        <source>system-probe loads eBPF programs for network performance monitoring</source>
        <translation>system-probe charge des programmes eBPF pour la surveillance des performances réseau</translation>
    </message>
    <message>
        <source>system-probe (NPM, USM, CWS) is enabled</source>
        <translation>system-probe (NPM, USM, CWS) est activé</translation>
    </message>
    <message>
        <source>system-probe raises RLIMIT_MEMLOCK for eBPF maps</source>
        <translation>system-probe relève RLIMIT_MEMLOCK pour les maps eBPF</translation>
    </message>
    <message>
        <source>system-probe is enabled</source>
        <translation>system-probe est activé</translation>
    </message>
    <message>
        <source>system-probe inspects other processes</source>
        <translation>system-probe examine d&apos;autres processus</translation>
    </message>
    <message>
        <source>system-probe reads conntrack and socket state</source>
        <translation>system-probe lit l&apos;état de conntrack et des sockets</translation>
    </message>
    <message>
        <source>log collection from the journal</source>
        <translation>collecte des journaux depuis le journal systemd</translation>
    </message>
    <message>
        <source>journald log collection is configured</source>
        <translation>la collecte des journaux de journald est configurée</translation>
    </message>
    <message>
        <source>log collection from /var/log</source>
        <translation>collecte des journaux depuis /var/log</translation>
    </message>
    <message>
        <source>file log collection of system logs is configured</source>
        <translation>la collecte des journaux système depuis des fichiers est configurée</translation>
    </message>
    <message>
        <source>the core agent&apos;s command API on localhost</source>
        <translation>l&apos;API de commande de l&apos;agent principal sur localhost</translation>
    </message>
    <message>
        <source>DogStatsD</source>
        <translation>DogStatsD</translation>
    </message>
    <message>
        <source>opens packet sockets to capture</source>
        <translation>ouvre des sockets de paquets pour capturer</translation>
    </message>
    <message>
        <source>granted by Debian with CAP_NET_RAW; libpcap needs it for some interface settings (monitor mode, time-stamp types)</source>
        <translation>accordée par Debian avec CAP_NET_RAW ; libpcap en a besoin pour certains réglages d&apos;interface (mode moniteur, types d&apos;horodatage)</translation>
    </message>
    <message>
        <source>Debian limits execution of the capability-holding dumpcap to this group</source>
        <translation>Debian réserve l&apos;exécution de dumpcap, qui porte des capabilities, à ce groupe</translation>
    </message>
    <message>
        <source>libpcap captures through packet sockets on Linux</source>
        <translation>libpcap capture par des sockets de paquets sous Linux</translation>
    </message>
    <message>
        <source>loads eBPF programs and creates maps (bpf(2))</source>
        <translation>charge des programmes eBPF et crée des maps (bpf(2))</translation>
    </message>
    <message>
        <source>attaches tracing programs to kprobes, tracepoints and perf events</source>
        <translation>attache des programmes de traçage aux kprobes, tracepoints et événements perf</translation>
    </message>
    <message>
        <source>kernels before 5.8 have neither CAP_BPF nor CAP_PERFMON; both operations then need it</source>
        <translation>les noyaux avant 5.8 n&apos;ont ni CAP_BPF ni CAP_PERFMON ; les deux opérations en ont alors besoin</translation>
    </message>
    <message>
        <source>the kernel is older than 5.8</source>
        <translation>le noyau est antérieur à 5.8</translation>
    </message>
    <message>
        <source>tracepoint ids live in tracefs, readable by root only</source>
        <translation>les identifiants des tracepoints sont dans tracefs, lisible par root seulement</translation>
    </message>
    <message>
        <source>programs attach to tracepoints</source>
        <translation>des programmes s&apos;attachent à des tracepoints</translation>
    </message>
    <message>
        <source>serves /metrics, default :9435</source>
        <translation>sert /metrics, par défaut :9435</translation>
    </message>
    <message>
        <source>it loads eBPF programs into the host&apos;s kernel with CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN: they act on the whole kernel, so a container confines nothing and only hides the tracing file systems it reads</source>
        <translation>il charge des programmes eBPF dans le noyau de l&apos;hôte avec CAP_BPF, CAP_PERFMON et CAP_SYS_ADMIN : ils agissent sur tout le noyau, un conteneur ne confine donc rien et ne fait que masquer les systèmes de fichiers de traçage qu&apos;il lit</translation>
    </message>
    <message>
        <source>loads the modern eBPF probe</source>
        <translation>charge la sonde eBPF moderne</translation>
    </message>
    <message>
        <source>modern eBPF driver</source>
        <translation>pilote eBPF moderne</translation>
    </message>
    <message>
        <source>attaches the probe&apos;s programs and reads its ring buffers</source>
        <translation>attache les programmes de la sonde et lit ses tampons circulaires</translation>
    </message>
    <message>
        <source>reads /proc/PID/environ of every process to build its state</source>
        <translation>lit /proc/PID/environ de chaque processus pour construire son état</translation>
    </message>
    <message>
        <source>raises RLIMIT_MEMLOCK for eBPF maps on kernels before 5.11</source>
        <translation>relève RLIMIT_MEMLOCK pour les maps eBPF sur les noyaux avant 5.11</translation>
    </message>
    <message>
        <source>the kernel is older than 5.11</source>
        <translation>le noyau est antérieur à 5.11</translation>
    </message>
    <message>
        <source>it watches every system call of the host from the kernel (a modern eBPF probe or a kernel module): a container must share the host&apos;s PID namespace, see its /proc, /etc and /boot and keep CAP_BPF, CAP_PERFMON and CAP_SYS_PTRACE (the module needs privileged mode), so it confines little of what Falco reaches</source>
        <translation>il observe chaque appel système de l&apos;hôte depuis le noyau (une sonde eBPF moderne ou un module noyau) : un conteneur doit partager l&apos;espace de noms PID de l&apos;hôte, voir ses /proc, /etc et /boot et garder CAP_BPF, CAP_PERFMON et CAP_SYS_PTRACE (le module demande le mode privilégié), il confine donc peu de ce que Falco atteint</translation>
    </message>
    <message>
        <source>reads log files under /var/log</source>
        <translation>lit des fichiers journaux sous /var/log</translation>
    </message>
    <message>
        <source>harvesting system logs</source>
        <translation>lors de la collecte des journaux système</translation>
    </message>
    <message>
        <source>the journald input reads the journal</source>
        <translation>l&apos;entrée journald lit le journal</translation>
    </message>
    <message>
        <source>the journald input is configured</source>
        <translation>l&apos;entrée journald est configurée</translation>
    </message>
    <message>
        <source>registry of harvested offsets</source>
        <translation>registre des positions collectées</translation>
    </message>
    <message>
        <source>the systemd input reads the journal</source>
        <translation>l&apos;entrée systemd lit le journal</translation>
    </message>
    <message>
        <source>the systemd input is configured</source>
        <translation>l&apos;entrée systemd est configurée</translation>
    </message>
    <message>
        <source>the tail input reads log files under /var/log</source>
        <translation>l&apos;entrée tail lit des fichiers journaux sous /var/log</translation>
    </message>
    <message>
        <source>the tail input reads system logs</source>
        <translation>l&apos;entrée tail lit des journaux système</translation>
    </message>
    <message>
        <source>the tail input&apos;s offset database (DB option) must be writable</source>
        <translation>la base des positions de l&apos;entrée tail (option DB) doit être accessible en écriture</translation>
    </message>
    <message>
        <source>DB is set</source>
        <translation>DB est défini</translation>
    </message>
    <message>
        <source>opens raw ICMP sockets to send echo requests and read the replies</source>
        <translation>ouvre des sockets ICMP bruts pour envoyer des requêtes echo et lire les réponses</translation>
    </message>
    <message>
        <source>ICMP echo over IPv4</source>
        <translation>echo ICMP en IPv4</translation>
    </message>
    <message>
        <source>ICMPv6 echo over IPv6</source>
        <translation>echo ICMPv6 en IPv6</translation>
    </message>
    <message>
        <source>binds frontends below 1024</source>
        <translation>lie des frontends sous 1024</translation>
    </message>
    <message>
        <source>a frontend binds below 1024</source>
        <translation>un frontend se lie sous 1024</translation>
    </message>
    <message>
        <source>transparent proxying (bind ... transparent, source ... usesrc)</source>
        <translation>proxy transparent (bind ... transparent, source ... usesrc)</translation>
    </message>
    <message>
        <source>transparent binding or usesrc is configured</source>
        <translation>une liaison transparente ou usesrc est configurée</translation>
    </message>
    <message>
        <source>transparent proxying on some kernels</source>
        <translation>proxy transparent sur certains noyaux</translation>
    </message>
    <message>
        <source>stats and master sockets</source>
        <translation>sockets de statistiques et maître</translation>
    </message>
    <message>
        <source>typical HTTP frontend</source>
        <translation>frontend HTTP typique</translation>
    </message>
    <message>
        <source>configured</source>
        <translation>configuré</translation>
    </message>
    <message>
        <source>typical HTTPS frontend</source>
        <translation>frontend HTTPS typique</translation>
    </message>
    <message>
        <source>haproxy goes to the background by default; -db only disables background mode, for Deroot&apos;s own Type=simple unit and a container</source>
        <translation>haproxy passe en arrière-plan par défaut ; -db désactive seulement ce mode, pour l&apos;unité Type=simple de Deroot et un conteneur</translation>
    </message>
    <message>
        <source>serves /metrics, default :9290</source>
        <translation>sert /metrics, par défaut :9290</translation>
    </message>
    <message>
        <source>the FreeIPMI tools talk to the local BMC through the OpenIPMI device</source>
        <translation>les outils FreeIPMI dialoguent avec le BMC local par le périphérique OpenIPMI</translation>
    </message>
    <message>
        <source>collecting host-local IPMI data</source>
        <translation>lors de la collecte des données IPMI locales de l&apos;hôte</translation>
    </message>
    <message>
        <source>reads sensors</source>
        <translation>lit les capteurs</translation>
    </message>
    <message>
        <source>reads power figures</source>
        <translation>lit les valeurs de puissance</translation>
    </message>
    <message>
        <source>reads BMC details</source>
        <translation>lit les détails du BMC</translation>
    </message>
    <message>
        <source>reads the chassis state</source>
        <translation>lit l&apos;état du châssis</translation>
    </message>
    <message>
        <source>reads the event log</source>
        <translation>lit le journal des événements</translation>
    </message>
    <message>
        <source>the open interface talks to the BMC through the OpenIPMI driver&apos;s device</source>
        <translation>l&apos;interface open dialogue avec le BMC par le périphérique du pilote OpenIPMI</translation>
    </message>
    <message>
        <source>agents (e.g. Zabbix, Telegraf&apos;s ipmi_sensor input) run it through sudo for local sensors</source>
        <translation>des agents (par ex. Zabbix, l&apos;entrée ipmi_sensor de Telegraf) le lancent par sudo pour les capteurs locaux</translation>
    </message>
    <message>
        <source>adds and removes virtual addresses, configures IPVS</source>
        <translation>ajoute et retire des adresses virtuelles, configure IPVS</translation>
    </message>
    <message>
        <source>VRRP and IPVS without netlink</source>
        <translation>VRRP et IPVS sans netlink</translation>
    </message>
    <message>
        <source>VRRP</source>
        <translation>VRRP</translation>
    </message>
    <message>
        <source>notify and track scripts</source>
        <translation>scripts de notification et de suivi</translation>
    </message>
    <message>
        <source>scripts are configured</source>
        <translation>des scripts sont configurés</translation>
    </message>
    <message>
        <source>runs scripts as keepalived_script</source>
        <translation>lance les scripts sous keepalived_script</translation>
    </message>
    <message>
        <source>scripts run as another user</source>
        <translation>les scripts tournent sous un autre utilisateur</translation>
    </message>
    <message>
        <source>loads ip_vs and xt_set</source>
        <translation>charge ip_vs et xt_set</translation>
    </message>
    <message>
        <source>the modules are not loaded at boot</source>
        <translation>les modules ne sont pas chargés au démarrage</translation>
    </message>
    <message>
        <source>raises its scheduling priority</source>
        <translation>relève sa priorité d&apos;ordonnancement</translation>
    </message>
    <message>
        <source>realtime priority, more sockets, core size</source>
        <translation>priorité temps réel, plus de sockets, taille des core dumps</translation>
    </message>
    <message>
        <source>owner and group of FIFOs</source>
        <translation>propriétaire et groupe des FIFO</translation>
    </message>
    <message>
        <source>FIFOs with owners are configured</source>
        <translation>des FIFO avec propriétaires sont configurées</translation>
    </message>
    <message>
        <source>VRRP and IPVS</source>
        <translation>VRRP et IPVS</translation>
    </message>
    <message>
        <source>always</source>
        <translation>toujours</translation>
    </message>
    <message>
        <source>keepalived forks into the background by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>keepalived passe en arrière-plan par défaut ; l&apos;unité Type=simple de Deroot et un conteneur le veulent au premier plan</translation>
    </message>
    <message>
        <source>sends and receives LLDP frames on packet sockets</source>
        <translation>envoie et reçoit des trames LLDP sur des sockets de paquets</translation>
    </message>
    <message>
        <source>adds multicast MAC filters to interfaces so LLDP frames arrive</source>
        <translation>ajoute des filtres MAC multicast aux interfaces pour que les trames LLDP arrivent</translation>
    </message>
    <message>
        <source>LLDP frames are link-layer frames</source>
        <translation>les trames LLDP sont des trames de la couche liaison</translation>
    </message>
    <message>
        <source>tracks interfaces and addresses</source>
        <translation>suit les interfaces et les adresses</translation>
    </message>
    <message>
        <source>lldpd daemonizes by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>lldpd se transforme en démon par défaut ; l&apos;unité Type=simple de Deroot et un conteneur le veulent au premier plan</translation>
    </message>
    <message>
        <source>sends ICMP, UDP and TCP probes with chosen TTLs through raw sockets</source>
        <translation>envoie des sondes ICMP, UDP et TCP avec des TTL choisis par des sockets bruts</translation>
    </message>
    <message>
        <source>apps.plugin reads /proc/PID/io and fd of every process</source>
        <translation>apps.plugin lit /proc/PID/io et fd de chaque processus</translation>
    </message>
    <message>
        <source>the target is apps.plugin (the daemon itself needs no capability)</source>
        <translation>la cible est apps.plugin (le démon lui-même ne demande aucune capability)</translation>
    </message>
    <message>
        <source>apps.plugin reads other users&apos; /proc entries</source>
        <translation>apps.plugin lit les entrées /proc d&apos;autres utilisateurs</translation>
    </message>
    <message>
        <source>go.d.plugin&apos;s ping collector</source>
        <translation>le collecteur ping de go.d.plugin</translation>
    </message>
    <message>
        <source>the target is go.d.plugin and its ping collector is enabled</source>
        <translation>la cible est go.d.plugin et son collecteur ping est activé</translation>
    </message>
    <message>
        <source>go.d.plugin&apos;s WireGuard collector</source>
        <translation>le collecteur WireGuard de go.d.plugin</translation>
    </message>
    <message>
        <source>the target is go.d.plugin and its wireguard collector is enabled</source>
        <translation>la cible est go.d.plugin et son collecteur wireguard est activé</translation>
    </message>
    <message>
        <source>dashboard and API, default 19999</source>
        <translation>tableau de bord et API, par défaut 19999</translation>
    </message>
    <message>
        <source>listens on ports 80 and 443</source>
        <translation>écoute sur les ports 80 et 443</translation>
    </message>
    <message>
        <source>it listens below 1024</source>
        <translation>il écoute sous 1024</translation>
    </message>
    <message>
        <source>Debian&apos;s ssl-cert group may read /etc/ssl/private</source>
        <translation>le groupe ssl-cert de Debian peut lire /etc/ssl/private</translation>
    </message>
    <message>
        <source>TLS keys live in /etc/ssl/private</source>
        <translation>les clés TLS sont dans /etc/ssl/private</translation>
    </message>
    <message>
        <source>TLS private keys</source>
        <translation>clés privées TLS</translation>
    </message>
    <message>
        <source>TLS keys live there (mode 0710 root:ssl-cert on Debian)</source>
        <translation>les clés TLS y sont (mode 0710 root:ssl-cert sous Debian)</translation>
    </message>
    <message>
        <source>access and error logs</source>
        <translation>journaux d&apos;accès et d&apos;erreurs</translation>
    </message>
    <message>
        <source>PID file</source>
        <translation>fichier PID</translation>
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
        <translation>TLS est configuré</translation>
    </message>
    <message>
        <source>reads /sys/class/powercap/*/energy_uj, which the kernel makes readable by root only</source>
        <translation>lit /sys/class/powercap/*/energy_uj, que le noyau ne rend lisible que par root</translation>
    </message>
    <message>
        <source>the rapl collector is enabled</source>
        <translation>le collecteur rapl est activé</translation>
    </message>
    <message>
        <source>opens hardware and software perf counters for other processes</source>
        <translation>ouvre des compteurs perf matériels et logiciels pour d&apos;autres processus</translation>
    </message>
    <message>
        <source>the perf collector is enabled</source>
        <translation>le collecteur perf est activé</translation>
    </message>
    <message>
        <source>serves /metrics on --web.listen-address, default :9100</source>
        <translation>sert /metrics sur --web.listen-address, par défaut :9100</translation>
    </message>
    <message>
        <source>it measures the host, whose network interfaces, processes and file systems a container&apos;s own namespaces hide: upstream&apos;s Docker instructions share the host&apos;s network and PID namespaces and mount the host&apos;s / read-only at /host, with --path.rootfs=/host</source>
        <translation>il mesure l&apos;hôte, dont les espaces de noms propres à un conteneur masquent les interfaces réseau, les processus et les systèmes de fichiers : les instructions Docker du projet partagent les espaces de noms réseau et PID de l&apos;hôte et montent son / en lecture seule sur /host, avec --path.rootfs=/host</translation>
    </message>
    <message>
        <source>the udev rule gives this group access to UPS USB devices</source>
        <translation>la règle udev donne à ce groupe l&apos;accès aux périphériques USB des onduleurs</translation>
    </message>
    <message>
        <source>serial ports are group dialout on Debian</source>
        <translation>les ports série appartiennent au groupe dialout sous Debian</translation>
    </message>
    <message>
        <source>a serial UPS is used</source>
        <translation>un onduleur série est utilisé</translation>
    </message>
    <message>
        <source>upsd serves UPS data to upsmon and clients</source>
        <translation>upsd fournit les données de l&apos;onduleur à upsmon et aux clients</translation>
    </message>
    <message>
        <source>USB UPS drivers open the UPS&apos;s USB device, made group nut by udev</source>
        <translation>les pilotes d&apos;onduleur USB ouvrent le périphérique USB de l&apos;onduleur, attribué au groupe nut par udev</translation>
    </message>
    <message>
        <source>serial UPS drivers open the serial port</source>
        <translation>les pilotes d&apos;onduleur série ouvrent le port série</translation>
    </message>
    <message>
        <source>upsmon&apos;s SHUTDOWNCMD powers the machine off on low battery; upsmon keeps a root parent for this</source>
        <translation>le SHUTDOWNCMD d&apos;upsmon éteint la machine quand la batterie est faible ; upsmon garde pour cela un parent en root</translation>
    </message>
    <message>
        <source>configures the kernel audit subsystem for process and socket events</source>
        <translation>configure le sous-système d&apos;audit du noyau pour les événements de processus et de sockets</translation>
    </message>
    <message>
        <source>audit-based event tables are enabled</source>
        <translation>les tables d&apos;événements fondées sur l&apos;audit sont activées</translation>
    </message>
    <message>
        <source>reads the audit multicast netlink socket</source>
        <translation>lit le socket netlink multicast d&apos;audit</translation>
    </message>
    <message>
        <source>many tables read files only root may read</source>
        <translation>de nombreuses tables lisent des fichiers que seul root peut lire</translation>
    </message>
    <message>
        <source>the audit subsystem is reached through netlink</source>
        <translation>le sous-système d&apos;audit est joint par netlink</translation>
    </message>
    <message>
        <source>opens a raw ICMP socket when unprivileged ICMP datagram sockets are not allowed for its group</source>
        <translation>ouvre un socket ICMP brut quand les sockets datagramme ICMP non privilégiés ne sont pas permis à son groupe</translation>
    </message>
    <message>
        <source>net.ipv4.ping_group_range does not admit the caller&apos;s group, or raw-socket options are used</source>
        <translation>net.ipv4.ping_group_range n&apos;admet pas le groupe de l&apos;appelant, ou des options de socket brut sont utilisées</translation>
    </message>
    <message>
        <source>/proc/PID/io of other users&apos; processes is governed by a ptrace access check (PTRACE_MODE_READ_FSCREDS)</source>
        <translation>/proc/PID/io des processus d&apos;autres utilisateurs est soumis à un contrôle d&apos;accès ptrace (PTRACE_MODE_READ_FSCREDS)</translation>
    </message>
    <message>
        <source>I/O metrics of processes of other users are wanted</source>
        <translation>les métriques d&apos;E/S des processus d&apos;autres utilisateurs sont voulues</translation>
    </message>
    <message>
        <source>serves /metrics, default :9256</source>
        <translation>sert /metrics, par défaut :9256</translation>
    </message>
    <message>
        <source>it reads every process of the host from /proc, which shows only the container&apos;s own processes without the host&apos;s PID namespace (upstream&apos;s example mounts the host&apos;s /proc instead and runs privileged)</source>
        <translation>il lit chaque processus de l&apos;hôte dans /proc, qui sans l&apos;espace de noms PID de l&apos;hôte ne montre que les processus du conteneur (l&apos;exemple du projet monte plutôt le /proc de l&apos;hôte et tourne en mode privilégié)</translation>
    </message>
    <message>
        <source>the journal scrape config reads the journal</source>
        <translation>la configuration de collecte journal lit le journal</translation>
    </message>
    <message>
        <source>journal scraping is configured</source>
        <translation>la collecte du journal est configurée</translation>
    </message>
    <message>
        <source>scraping system logs</source>
        <translation>lors de la collecte des journaux système</translation>
    </message>
    <message>
        <source>positions file</source>
        <translation>fichier des positions</translation>
    </message>
    <message>
        <source>HTTP server (metrics, targets)</source>
        <translation>serveur HTTP (métriques, cibles)</translation>
    </message>
    <message>
        <source>as in the example configuration</source>
        <translation>comme dans la configuration d&apos;exemple</translation>
    </message>
    <message>
        <source>ATA and SCSI pass-through (SG_IO) to SATA and SAS disks</source>
        <translation>passage direct ATA et SCSI (SG_IO) vers les disques SATA et SAS</translation>
    </message>
    <message>
        <source>NVMe admin pass-through commands</source>
        <translation>commandes d&apos;administration NVMe en passage direct</translation>
    </message>
    <message>
        <source>NVMe devices are queried</source>
        <translation>des périphériques NVMe sont interrogés</translation>
    </message>
    <message>
        <source>read-write access to block devices lets it open disks without CAP_DAC_OVERRIDE</source>
        <translation>l&apos;accès en lecture-écriture aux périphériques bloc lui permet d&apos;ouvrir les disques sans CAP_DAC_OVERRIDE</translation>
    </message>
    <message>
        <source>opens the disks</source>
        <translation>ouvre les disques</translation>
    </message>
    <message>
        <source>opens NVMe controllers</source>
        <translation>ouvre les contrôleurs NVMe</translation>
    </message>
    <message>
        <source>smartctl&apos;s ATA and SCSI pass-through (SG_IO) to SATA and SAS disks</source>
        <translation>passage direct ATA et SCSI (SG_IO) de smartctl vers les disques SATA et SAS</translation>
    </message>
    <message>
        <source>NVMe admin pass-through commands (NVME_IOCTL_ADMIN_CMD) require it</source>
        <translation>les commandes d&apos;administration NVMe en passage direct (NVME_IOCTL_ADMIN_CMD) l&apos;exigent</translation>
    </message>
    <message>
        <source>NVMe devices are monitored</source>
        <translation>des périphériques NVMe sont surveillés</translation>
    </message>
    <message>
        <source>serves /metrics, default :9633</source>
        <translation>sert /metrics, par défaut :9633</translation>
    </message>
    <message>
        <source>opens the SATA/SAS disks it reports on</source>
        <translation>ouvre les disques SATA/SAS dont il rend compte</translation>
    </message>
    <message>
        <source>opens the NVMe controllers it reports on</source>
        <translation>ouvre les contrôleurs NVMe dont il rend compte</translation>
    </message>
    <message>
        <source>serves /snmp and /metrics, default :9116</source>
        <translation>sert /snmp et /metrics, par défaut :9116</translation>
    </message>
    <message>
        <source>listens on UDP port 161</source>
        <translation>écoute sur le port UDP 161</translation>
    </message>
    <message>
        <source>SNMP agent port</source>
        <translation>port de l&apos;agent SNMP</translation>
    </message>
    <message>
        <source>snmpd detaches from its parent by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>snmpd se détache de son parent par défaut ; l&apos;unité Type=simple de Deroot et un conteneur le veulent au premier plan</translation>
    </message>
    <message>
        <source>opens packet sockets through libpcap to capture traffic</source>
        <translation>ouvre des sockets de paquets par libpcap pour capturer le trafic</translation>
    </message>
    <message>
        <source>sets the time-stamp type of an interface (-j)</source>
        <translation>définit le type d&apos;horodatage d&apos;une interface (-j)</translation>
    </message>
    <message>
        <source>-j is used</source>
        <translation>-j est utilisé</translation>
    </message>
    <message>
        <source>the ping input in native mode sends ICMP itself</source>
        <translation>l&apos;entrée ping en mode natif envoie elle-même l&apos;ICMP</translation>
    </message>
    <message>
        <source>inputs.ping with method = &quot;native&quot;</source>
        <translation>inputs.ping avec method = &quot;native&quot;</translation>
    </message>
    <message>
        <source>reading the journal</source>
        <translation>lors de la lecture du journal</translation>
    </message>
    <message>
        <source>a journal input is configured</source>
        <translation>une entrée journal est configurée</translation>
    </message>
    <message>
        <source>reading log files under /var/log</source>
        <translation>lors de la lecture de fichiers journaux sous /var/log</translation>
    </message>
    <message>
        <source>inputs.tail or inputs.logparser read system logs</source>
        <translation>inputs.tail ou inputs.logparser lisent des journaux système</translation>
    </message>
    <message>
        <source>the smart input lists devices through sudo (use_sudo = true)</source>
        <translation>l&apos;entrée smart liste les périphériques par sudo (use_sudo = true)</translation>
    </message>
    <message>
        <source>inputs.smart with use_sudo</source>
        <translation>inputs.smart avec use_sudo</translation>
    </message>
    <message>
        <source>the smart input reads each device through sudo (use_sudo = true)</source>
        <translation>l&apos;entrée smart lit chaque périphérique par sudo (use_sudo = true)</translation>
    </message>
    <message>
        <source>the smart input runs nvme-cli for NVMe vendor attributes through sudo</source>
        <translation>l&apos;entrée smart lance nvme-cli par sudo pour les attributs NVMe du fabricant</translation>
    </message>
    <message>
        <source>inputs.smart with NVMe extensions and use_sudo</source>
        <translation>inputs.smart avec les extensions NVMe et use_sudo</translation>
    </message>
    <message>
        <source>the journald source runs journalctl</source>
        <translation>la source journald lance journalctl</translation>
    </message>
    <message>
        <source>the journald source is configured</source>
        <translation>la source journald est configurée</translation>
    </message>
    <message>
        <source>the file source reads log files under /var/log</source>
        <translation>la source file lit des fichiers journaux sous /var/log</translation>
    </message>
    <message>
        <source>the file source reads system logs</source>
        <translation>la source file lit des journaux système</translation>
    </message>
    <message>
        <source>the docker_logs source talks to the Docker daemon</source>
        <translation>la source docker_logs dialogue avec le démon Docker</translation>
    </message>
    <message>
        <source>the docker_logs source is configured</source>
        <translation>la source docker_logs est configurée</translation>
    </message>
    <message>
        <source>data_dir: checkpoints and disk buffers</source>
        <translation>data_dir : points de reprise et tampons disque</translation>
    </message>
    <message>
        <source>the API, when enabled</source>
        <translation>l&apos;API, si elle est activée</translation>
    </message>
    <message>
        <source>api.enabled = true</source>
        <translation>api.enabled = true</translation>
    </message>
    <message>
        <source>the Docker plugin talks to the Docker daemon&apos;s socket</source>
        <translation>le plugin Docker dialogue avec le socket du démon Docker</translation>
    </message>
    <message>
        <source>the Docker plugin is used</source>
        <translation>le plugin Docker est utilisé</translation>
    </message>
    <message>
        <source>passive checks</source>
        <translation>vérifications passives</translation>
    </message>
    <message>
        <source>the SMART plugin runs smartctl, usually through sudo</source>
        <translation>le plugin SMART lance smartctl, généralement par sudo</translation>
    </message>
    <message>
        <source>the SMART plugin is used</source>
        <translation>le plugin SMART est utilisé</translation>
    </message>
    <message>
        <source>log[] and logrt[] items read files under /var/log</source>
        <translation>les éléments log[] et logrt[] lisent des fichiers sous /var/log</translation>
    </message>
    <message>
        <source>log items on system logs are configured</source>
        <translation>des éléments log sur des journaux système sont configurés</translation>
    </message>
    <message>
        <source>passive checks: the server connects to the agent</source>
        <translation>vérifications passives : le serveur se connecte à l&apos;agent</translation>
    </message>
    <message>
        <source>SMART items through UserParameter and sudo</source>
        <translation>éléments SMART par UserParameter et sudo</translation>
    </message>
    <message>
        <source>SMART user parameters are configured</source>
        <translation>des paramètres utilisateur SMART sont configurés</translation>
    </message>
    <message>
        <source>zabbix_agentd daemonizes by default; Deroot&apos;s own Type=simple unit and a container need it in the foreground</source>
        <translation>zabbix_agentd se transforme en démon par défaut ; l&apos;unité Type=simple de Deroot et un conteneur le veulent au premier plan</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Conflict</name>
    <message>
        <source>The arguments the agent passes to %1 are not known, so the sudo rule allows them with no arguments at all: every call with arguments is refused (&quot;command not allowed&quot; in the journal) and the agent&apos;s data is silently missing.</source>
        <translation>Les arguments que l&apos;agent passe à %1 ne sont pas connus : la règle sudo ne l&apos;autorise donc que sans aucun argument. Tout appel avec arguments est refusé (« command not allowed » dans le journal) et les données de l&apos;agent manquent sans bruit.</translation>
    </message>
    <message>
        <source>Add the exact arguments the agent passes (its documentation, or `journalctl _COMM=sudo` after a run) to each command; never a bare wildcard.</source>
        <translation>Ajoutez à chaque commande les arguments exacts que l&apos;agent passe (sa documentation, ou `journalctl _COMM=sudo` après un passage) ; jamais un joker seul.</translation>
    </message>
    <message>
        <source>%1 sets DynamicUser=yes, which implies NoNewPrivileges=yes, while the agent calls sudo: sudo cannot raise privileges and every sudo command fails.</source>
        <translation>%1 définit DynamicUser=yes, qui implique NoNewPrivileges=yes, alors que l&apos;agent appelle sudo : sudo ne peut pas élever les privilèges et chaque commande sudo échoue.</translation>
    </message>
    <message>
        <source>Use a real system user (DynamicUser=no) and the sudo-compatible unit, or replace the sudo rule by a capability in the unit.</source>
        <translation>Utilisez un vrai utilisateur système (DynamicUser=no) et l&apos;unité compatible avec sudo, ou remplacez la règle sudo par une capability dans l&apos;unité.</translation>
    </message>
    <message>
        <source>%1 sets %2 while the agent calls sudo: the set-user-ID sudo cannot raise privileges, so every sudo command fails (seen with telegraf&apos;s smart plugin).</source>
        <translation>%1 définit %2 alors que l&apos;agent appelle sudo : sudo, set-user-ID, ne peut pas élever les privilèges, donc chaque commande sudo échoue (vu avec le plugin smart de telegraf).</translation>
    </message>
    <message>
        <source>For a sudo plan leave NoNewPrivileges= and every setting that implies it out of the unit, and accept the higher exposure score; or replace the sudo rule by a capability in the unit.</source>
        <translation>Pour un plan sudo, laissez NoNewPrivileges= et tout réglage qui l&apos;implique hors de l&apos;unité, et acceptez un score d&apos;exposition plus élevé ; ou remplacez la règle sudo par une capability dans l&apos;unité.</translation>
    </message>
    <message>
        <source>%1 narrows CapabilityBoundingSet= while the agent calls sudo: even as root the sudo command cannot get what the bounding set removed (CAP_SETUID, CAP_SETGID for sudo itself, CAP_SYS_RAWIO for smartctl, ...), so it fails.</source>
        <translation>%1 restreint CapabilityBoundingSet= alors que l&apos;agent appelle sudo : même en root, la commande sudo ne peut obtenir ce que l&apos;ensemble borné a retiré (CAP_SETUID, CAP_SETGID pour sudo lui-même, CAP_SYS_RAWIO pour smartctl, …), donc elle échoue.</translation>
    </message>
    <message>
        <source>Leave CapabilityBoundingSet= out of a unit whose agent uses sudo.</source>
        <translation>Laissez CapabilityBoundingSet= hors d&apos;une unité dont l&apos;agent utilise sudo.</translation>
    </message>
    <message>
        <source>%1 sets %2 and the plan gives %3 file capabilities: under no_new_privs the kernel silently does not grant them, so the agent runs without %4.</source>
        <translation>%1 définit %2 et le plan donne à %3 des capabilities de fichier : sous no_new_privs le noyau ne les accorde pas, sans rien dire, et l&apos;agent tourne donc sans %4.</translation>
    </message>
    <message>
        <source>Grant the capabilities through AmbientCapabilities= with an equal CapabilityBoundingSet= in the unit instead of setcap (Deroot&apos;s generated unit does).</source>
        <translation>Accordez les capabilities par AmbientCapabilities= avec un CapabilityBoundingSet= égal dans l&apos;unité au lieu de setcap (l&apos;unité générée par Deroot le fait).</translation>
    </message>
    <message>
        <source>%1 has the file capabilities %2 with the effective bit, but the bounding set of %3 lacks %4: execve() fails with EPERM and the service does not start.</source>
        <translation>%1 a les capabilities de fichier %2 avec le bit effectif, mais l&apos;ensemble borné de %3 n&apos;a pas %4 : execve() échoue avec EPERM et le service ne démarre pas.</translation>
    </message>
    <message>
        <source>Remove the file capabilities (setcap -r) and grant them through AmbientCapabilities=, or add them to CapabilityBoundingSet=.</source>
        <translation>Retirez les capabilities de fichier (setcap -r) et accordez-les par AmbientCapabilities=, ou ajoutez-les à CapabilityBoundingSet=.</translation>
    </message>
    <message>
        <source>%1 sets Group=%2 without SupplementaryGroups=%3: the agent runs without the groups it reads its logs through and fails silently.</source>
        <translation>%1 définit Group=%2 sans SupplementaryGroups=%3 : l&apos;agent tourne sans les groupes par lesquels il lit ses journaux et échoue sans bruit.</translation>
    </message>
    <message>
        <source>Add SupplementaryGroups=%1 to the unit.</source>
        <translation>Ajoutez SupplementaryGroups=%1 à l&apos;unité.</translation>
    </message>
    <message>
        <source>%1 belongs to the package %2: every upgrade replaces the file and with it the file capabilities %3, so the agent silently loses them.</source>
        <translation>%1 appartient au paquet %2 : chaque mise à niveau remplace le fichier et avec lui les capabilities de fichier %3, que l&apos;agent perd donc sans bruit.</translation>
    </message>
    <message>
        <source>Prefer the systemd unit&apos;s AmbientCapabilities=, which upgrades keep; otherwise re-run setcap after each upgrade (a DPkg::Post-Invoke hook) and check with getcap.</source>
        <translation>Préférez AmbientCapabilities= de l&apos;unité systemd, que les mises à niveau conservent ; sinon relancez setcap après chaque mise à niveau (un hook DPkg::Post-Invoke) et vérifiez avec getcap.</translation>
    </message>
    <message>
        <source>Re-run setcap after each upgrade (a DPkg::Post-Invoke hook) and check with getcap.</source>
        <translation>Relancez setcap après chaque mise à niveau (un hook DPkg::Post-Invoke) et vérifiez avec getcap.</translation>
    </message>
    <message>
        <source>%1 runs as non-root and adds %2: Kubernetes has no ambient capabilities, so the added ones stay in the bounding set and the agent has none of them (allowPrivilegeEscalation: false also blocks file capabilities); the restricted profile allows adding only NET_BIND_SERVICE anyway.</source>
        <translation>%1 tourne sans root et ajoute %2 : Kubernetes n&apos;a pas de capabilities ambiantes, les ajoutées restent donc dans l&apos;ensemble borné et l&apos;agent n&apos;en a aucune (allowPrivilegeEscalation: false bloque aussi les capabilities de fichier) ; le profil restricted ne permet de toute façon d&apos;ajouter que NET_BIND_SERVICE.</translation>
    </message>
    <message>
        <source>Run the container as root (runAsUser: 0) with capabilities drop ALL and only the needed add, and accept the baseline or privileged profile, or choose a capability-free way to do the job.</source>
        <translation>Exécutez le conteneur en root (runAsUser: 0) avec capabilities drop ALL et seulement l&apos;add nécessaire, et acceptez le profil baseline ou privileged, ou choisissez une façon de faire sans capability.</translation>
    </message>
    <message>
        <source>%1 adds %2 for a non-root --user: Docker puts them only in the bounding set, not in the effective or ambient set, so the agent has none of them and fails.</source>
        <translation>%1 ajoute %2 pour un --user non root : Docker ne les met que dans l&apos;ensemble borné, pas dans l&apos;ensemble effectif ni ambiant, donc l&apos;agent n&apos;en a aucune et échoue.</translation>
    </message>
    <message>
        <source>Run as root inside the container with --cap-drop ALL, only the needed --cap-add, --read-only and no-new-privileges, and map root to an unprivileged host uid with userns-remap (or use Podman, which sets ambient capabilities).</source>
        <translation>Tournez en root dans le conteneur avec --cap-drop ALL, seulement le --cap-add nécessaire, --read-only et no-new-privileges, et associez root à un uid non privilégié de l&apos;hôte avec userns-remap (ou utilisez Podman, qui pose des capabilities ambiantes).</translation>
    </message>
    <message>
        <source>%1 sets no-new-privileges for a non-root user and the plan gives %2 file capabilities: under no_new_privs exec does not grant them, so the agent runs without %3.</source>
        <translation>%1 définit no-new-privileges pour un utilisateur non root et le plan donne à %2 des capabilities de fichier : sous no_new_privs, exec ne les accorde pas, et l&apos;agent tourne donc sans %3.</translation>
    </message>
    <message>
        <source>Drop the file capabilities and run as root inside the container with --cap-drop ALL and only the needed --cap-add.</source>
        <translation>Retirez les capabilities de fichier et tournez en root dans le conteneur avec --cap-drop ALL et seulement le --cap-add nécessaire.</translation>
    </message>
    <message>
        <source>%1 has the file capabilities %2 with the effective bit, but the container %3 lacks %4: exec fails with EPERM and the container exits at once.</source>
        <translation>%1 a les capabilities de fichier %2 avec le bit effectif, mais il manque %4 au conteneur %3 : exec échoue avec EPERM et le conteneur s&apos;arrête aussitôt.</translation>
    </message>
    <message>
        <source>Add the capabilities with --cap-add (cap_add:), or remove the file capabilities from the image (setcap -r).</source>
        <translation>Ajoutez les capabilities avec --cap-add (cap_add:), ou retirez les capabilities de fichier de l&apos;image (setcap -r).</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Drift</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 a été supprimé.</translation>
    </message>
    <message>
        <source>%1 is readable by root alone: run derootctl status as root to compare it.</source>
        <translation>%1 n&apos;est lisible que par root : lancez derootctl status en tant que root pour le comparer.</translation>
    </message>
    <message>
        <source>%1 was changed since the apply (modified %2).</source>
        <translation>%1 a été modifié depuis l&apos;application (modifié le %2).</translation>
    </message>
    <message>
        <source>%1 is as the apply wrote it.</source>
        <translation>%1 est tel que l&apos;application l&apos;a écrit.</translation>
    </message>
    <message>
        <source>The program %1 is gone, and its capabilities with it.</source>
        <translation>Le programme %1 a disparu, et ses capacités avec lui.</translation>
    </message>
    <message>
        <source>The program %1 is another file than the one approved (its SHA-256 differs, changed %2): reconcile leaves it alone; review it and apply a new plan.</source>
        <translation>Le programme %1 est un autre fichier que celui approuvé (son SHA-256 diffère, modifié le %2) : reconcile n&apos;y touche pas ; examinez-le et appliquez un nouveau plan.</translation>
    </message>
    <message>
        <source>The program %1 cannot be read to compare its SHA-256.</source>
        <translation>Le programme %1 ne peut pas être lu pour comparer son SHA-256.</translation>
    </message>
    <message>
        <source>%1 has the capabilities the apply set.</source>
        <translation>%1 a les capacités posées par l&apos;application.</translation>
    </message>
    <message>
        <source>%1 has other capabilities than the apply set (since %2).</source>
        <translation>%1 a d&apos;autres capacités que celles posées par l&apos;application (depuis le %2).</translation>
    </message>
    <message>
        <source>%1 lost the capabilities the apply set (since %2; a package upgrade or reinstall unpacks a new file without them).</source>
        <translation>%1 a perdu les capacités posées par l&apos;application (depuis le %2 ; une mise à jour ou une réinstallation de paquet dépaquette un nouveau fichier sans elles).</translation>
    </message>
    <message>
        <source>dpkg-statoverride holds %1 for it: reconcile leaves it alone (hands off).</source>
        <translation>dpkg-statoverride fixe %1 pour lui : reconcile n&apos;y touche pas.</translation>
    </message>
    <message>
        <source>derootctl reconcile sets them again.</source>
        <translation>derootctl reconcile les remet.</translation>
    </message>
    <message>
        <source>The apply was recorded without its program&apos;s SHA-256: apply the plan again to have them kept.</source>
        <translation>L&apos;application a été enregistrée sans le SHA-256 de son programme : appliquez le plan à nouveau pour qu&apos;elles soient conservées.</translation>
    </message>
    <message>
        <source>The service user %1 exists.</source>
        <translation>L&apos;utilisateur de service %1 existe.</translation>
    </message>
    <message>
        <source>The service user %1 no longer exists.</source>
        <translation>L&apos;utilisateur de service %1 n&apos;existe plus.</translation>
    </message>
    <message>
        <source>systemd cannot be asked about %1.</source>
        <translation>systemd ne peut pas être interrogé sur %1.</translation>
    </message>
    <message>
        <source>systemd has %1 %2, not loaded.</source>
        <translation>systemd a %1 à l&apos;état %2, non chargé.</translation>
    </message>
    <message>
        <source>systemd runs %1 from files that changed since it loaded them (systemctl daemon-reload).</source>
        <translation>systemd exécute %1 depuis des fichiers modifiés depuis leur chargement (systemctl daemon-reload).</translation>
    </message>
    <message>
        <source>User=%1 where the plan has %2</source>
        <translation>User=%1 là où le plan a %2</translation>
    </message>
    <message>
        <source>%1=%2 where the plan has %3</source>
        <translation>%1=%2 là où le plan a %3</translation>
    </message>
    <message>
        <source>systemd has loaded %1 with the plan&apos;s settings.</source>
        <translation>systemd a chargé %1 avec les réglages du plan.</translation>
    </message>
    <message>
        <source>systemd has loaded %1 with other settings: %2.</source>
        <translation>systemd a chargé %1 avec d&apos;autres réglages : %2.</translation>
    </message>
    <message>
        <source>%1 is not running: its credentials cannot be compared.</source>
        <translation>%1 ne tourne pas : ses identifiants ne peuvent pas être comparés.</translation>
    </message>
    <message>
        <source>The process %1 of %2 went away while it was read.</source>
        <translation>Le processus %1 de %2 a disparu pendant sa lecture.</translation>
    </message>
    <message>
        <source>runs as uid %1, not %2&apos;s uid %3</source>
        <translation>tourne sous l&apos;uid %1, pas sous l&apos;uid %3 de %2</translation>
    </message>
    <message>
        <source>%1 holds more than planned: %2</source>
        <translation>%1 détient plus que prévu : %2</translation>
    </message>
    <message>
        <source>%1 lacks %2</source>
        <translation>il manque %2 à %1</translation>
    </message>
    <message>
        <source>The running agent (pid %1) has the plan&apos;s user and capabilities.</source>
        <translation>L&apos;agent en cours (pid %1) a l&apos;utilisateur et les capacités du plan.</translation>
    </message>
    <message>
        <source>The running agent (pid %1) %2.</source>
        <translation>L&apos;agent en cours (pid %1) : %2.</translation>
    </message>
    <message>
        <source>Gone: rolled back (%1).</source>
        <translation>Disparu : défait (%1).</translation>
    </message>
    <message>
        <source>Gone: replaced by the later apply %1.</source>
        <translation>Disparu : remplacé par l&apos;application ultérieure %1.</translation>
    </message>
    <message>
        <source>Gone: every file and capability it put in place was removed, without a rollback.</source>
        <translation>Disparu : chaque fichier et chaque capacité qu&apos;elle a mis en place ont été supprimés, sans retour arrière.</translation>
    </message>
    <message numerus="yes">
        <source>Drifted: %n difference(s) from the apply, since %1.</source>
        <translation>
            <numerusform>Dérivé : %n élément diffère de l&apos;application, depuis le %1.</numerusform>
            <numerusform>Dérivé : %n éléments diffèrent de l&apos;application, depuis le %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drifted: %n difference(s) from the apply.</source>
        <translation>
            <numerusform>Dérivé : %n élément diffère de l&apos;application.</numerusform>
            <numerusform>Dérivé : %n éléments diffèrent de l&apos;application.</numerusform>
        </translation>
    </message>
    <message>
        <source>Holding: everything it put in place is as it was put.</source>
        <translation>Tient : tout ce qu&apos;elle a mis en place est tel qu&apos;elle l&apos;a mis.</translation>
    </message>
    <message>
        <source>Part of it is now the later apply %1&apos;s.</source>
        <translation>Une partie appartient maintenant à l&apos;application ultérieure %1.</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>tient</translation>
    </message>
    <message>
        <source>drifted</source>
        <translation>dérivé</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>disparu</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::GrantSummary</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation>Programme : %1</translation>
    </message>
    <message>
        <source>Service user: none</source>
        <translation>Utilisateur de service : aucun</translation>
    </message>
    <message>
        <source>Service user: %1 (primary group %2; supplementary groups: %3)</source>
        <translation>Utilisateur de service : %1 (groupe principal %2 ; groupes supplémentaires : %3)</translation>
    </message>
    <message>
        <source>Capabilities: %1</source>
        <translation>Capacités : %1</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Unité : %1</translation>
    </message>
    <message>
        <source>Sudo commands: none</source>
        <translation>Commandes sudo : aucune</translation>
    </message>
    <message>
        <source>Sudo commands, run as root:</source>
        <translation>Commandes sudo, exécutées en tant que root :</translation>
    </message>
    <message>
        <source>%1 (no arguments)</source>
        <translation>%1 (sans arguments)</translation>
    </message>
    <message>
        <source>Root-equivalent: %1. With this the agent can make itself root. The helper applies this plan only after an administrator&apos;s password typed for it, whatever polkit rules allow.</source>
        <translation>Équivalent à root : %1. Avec cela, l&apos;agent peut se rendre root. L&apos;auxiliaire n&apos;applique ce plan qu&apos;après la saisie du mot de passe d&apos;un administrateur pour lui, quoi que permettent les règles polkit.</translation>
    </message>
    <message>
        <source>Called by: %1, an existing user; the sudo rule is for it (no user is created)</source>
        <translation>Appelé par : %1, un utilisateur existant ; la règle sudo est pour lui (aucun utilisateur n&apos;est créé)</translation>
    </message>
    <message>
        <source>Called by: any user who runs it (file capabilities act for every caller)</source>
        <translation>Appelé par : tout utilisateur qui le lance (les capabilities de fichier valent pour chaque appelant)</translation>
    </message>
    <message>
        <source>Timer: %1 starts %2 on the schedule %3</source>
        <translation>Minuteur : %1 lance %2 selon le calendrier %3</translation>
    </message>
    <message>
        <source>Replaces: stops and disables %1; a rollback enables and starts it again as it was</source>
        <translation>Remplace : arrête et désactive %1 ; un retour en arrière la réactive et la relance comme avant</translation>
    </message>
    <message>
        <source>Arguments: %1</source>
        <translation>Arguments : %1</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>le fichier %1</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Environnement : %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::HelperClient</name>
    <message>
        <source>the helper&apos;s answer is not a JSON array</source>
        <translation>la réponse de l&apos;auxiliaire n&apos;est pas un tableau JSON</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>all</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>all, and %1</source>
        <translation>toutes, et %1</translation>
    </message>
    <message>
        <source>the helper stopped before it answered (it was killed or crashed); if the apply had not finished, the helper&apos;s next start restores the previous state: the history shows the outcome</source>
        <translation>l&apos;auxiliaire s&apos;est arrêté avant de répondre (il a été tué ou a planté) ; si l&apos;application n&apos;était pas terminée, son prochain démarrage rétablit l&apos;état précédent : l&apos;historique indique le résultat</translation>
    </message>
    <message>
        <source>the helper stopped before it answered (it was killed or crashed); if the rollback had not finished, the helper&apos;s next start finishes it: the history shows the outcome</source>
        <translation>l&apos;auxiliaire s&apos;est arrêté avant de répondre (il a été tué ou a planté) ; si l&apos;annulation n&apos;était pas terminée, son prochain démarrage la termine : l&apos;historique indique le résultat</translation>
    </message>
    <message>
        <source>the helper stopped before it answered (it was killed or crashed)</source>
        <translation>l&apos;auxiliaire s&apos;est arrêté avant de répondre (il a été tué ou a planté)</translation>
    </message>
    <message>
        <source>the helper&apos;s answer is not a JSON object</source>
        <translation>la réponse de l&apos;auxiliaire n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper is not installed on this system (no D-Bus service %1)</source>
        <translation>l&apos;auxiliaire de Deroot n&apos;est pas installé sur ce système (pas de service D-Bus %1)</translation>
    </message>
    <message>
        <source>the system&apos;s D-Bus policy does not let this user call Deroot&apos;s helper</source>
        <translation>la politique D-Bus du système ne permet pas à cet utilisateur d&apos;appeler l&apos;auxiliaire de Deroot</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper did not answer in time</source>
        <translation>l&apos;auxiliaire de Deroot n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper could not be reached (%1)</source>
        <translation>l&apos;auxiliaire de Deroot est injoignable (%1)</translation>
    </message>
    <message>
        <source>the system message bus (D-Bus) cannot be reached, so Deroot&apos;s helper cannot be asked; is D-Bus running on this system?</source>
        <translation>le bus de messages système (D-Bus) est injoignable, l&apos;auxiliaire de Deroot ne peut donc pas être interrogé ; D-Bus tourne-t-il sur ce système ?</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::InputValidation</name>
    <message>
        <source>agent id %1 is not a short name of lower-case letters, digits, &apos;_&apos; and &apos;-&apos; (at most 32)</source>
        <translation>L’identifiant d’agent %1 n’est pas un nom court fait de minuscules, de chiffres, de « _ » et de « - » (32 au plus)</translation>
    </message>
    <message>
        <source>description %1 must be one line of printable ASCII, 200 at most</source>
        <translation>La description %1 doit tenir sur une ligne d’ASCII imprimable, 200 caractères au plus</translation>
    </message>
    <message>
        <source>service user %1 is not a valid system user name for an agent ([a-z_][a-z0-9_-]*, at most 31, not a reserved name such as root)</source>
        <translation>L’utilisateur de service %1 n’est pas un nom d’utilisateur système valable pour un agent ([a-z_][a-z0-9_-]*, 31 au plus, pas un nom réservé comme root)</translation>
    </message>
    <message>
        <source>service group %1 is not a valid group name for an agent</source>
        <translation>Le groupe de service %1 n’est pas un nom de groupe valable pour un agent</translation>
    </message>
    <message>
        <source>supplementary group %1 is not a valid group name</source>
        <translation>Le groupe supplémentaire %1 n’est pas un nom de groupe valable</translation>
    </message>
    <message>
        <source>program %1 must be an absolute, normalised path without spaces, quotes or shell characters</source>
        <translation>Le programme %1 doit être un chemin absolu et normalisé, sans espaces, guillemets ni caractères du shell</translation>
    </message>
    <message>
        <source>argument %1 must be printable ASCII without quotes, backslashes or &apos;%&apos; (1024 at most)</source>
        <translation>L’argument %1 doit être en ASCII imprimable, sans guillemets, barres obliques inverses ni « % » (1024 au plus)</translation>
    </message>
    <message>
        <source>package %1 is not a package name</source>
        <translation>Le paquet %1 n’est pas un nom de paquet</translation>
    </message>
    <message>
        <source>unit %1 is not a valid service unit name</source>
        <translation>L’unité %1 n’est pas un nom d’unité de service valable</translation>
    </message>
    <message>
        <source>vendor command line %1 is given without the vendor&apos;s unit</source>
        <translation>La ligne de commande du fournisseur %1 est donnée sans l’unité du fournisseur</translation>
    </message>
    <message>
        <source>vendor command line %1 must be one line of printable ASCII (4096 characters at most)</source>
        <translation>La ligne de commande du fournisseur %1 doit tenir sur une ligne d’ASCII imprimable (4096 caractères au plus)</translation>
    </message>
    <message>
        <source>vendor command line %1 does not start the program %2</source>
        <translation>La ligne de commande du fournisseur %1 ne lance pas le programme %2</translation>
    </message>
    <message>
        <source>capability %1 does not exist</source>
        <translation>La capacité %1 n’existe pas</translation>
    </message>
    <message>
        <source>sudo command %1 must be an absolute, normalised path</source>
        <translation>La commande sudo %1 doit être un chemin absolu et normalisé</translation>
    </message>
    <message>
        <source>sudo command %1 does not exist</source>
        <translation>La commande sudo %1 n’existe pas</translation>
    </message>
    <message>
        <source>sudo argument %1 must be a non-empty word without spaces, wildcards, quotes or sudoers specials</source>
        <translation>L’argument sudo %1 doit être un mot non vide, sans espaces, jokers, guillemets ni caractères spéciaux de sudoers</translation>
    </message>
    <message>
        <source>path %1 must be an absolute, normalised path without special characters</source>
        <translation>Le chemin %1 doit être un chemin absolu et normalisé, sans caractères spéciaux</translation>
    </message>
    <message>
        <source>device %1 is not under /dev</source>
        <translation>Le périphérique %1 n’est pas sous /dev</translation>
    </message>
    <message>
        <source>address family %1 is not an address family systemd knows</source>
        <translation>La famille d’adresses %1 n’est pas une famille que systemd connaît</translation>
    </message>
    <message>
        <source>port %1 is outside 1..65535</source>
        <translation>Le port %1 est hors de 1..65535</translation>
    </message>
    <message>
        <source>protocol %1 is neither tcp nor udp</source>
        <translation>Le protocole %1 n’est ni tcp ni udp</translation>
    </message>
    <message>
        <source>resource limits %1 are out of range (CPU 1-102400%, memory 16 MiB-16 TiB, tasks 4-4194304)</source>
        <translation>Les limites de ressources %1 sont hors limites (CPU 1-102400 %, mémoire 16 Mio-16 Tio, tâches 4-4194304)</translation>
    </message>
    <message>
        <source>container image %1 is not a valid image reference</source>
        <translation>L’image de conteneur %1 n’est pas une référence d’image valable</translation>
    </message>
    <message>
        <source>catalog id %1 is not a catalog entry&apos;s id</source>
        <translation>L’identifiant de catalogue %1 n’est celui d’aucune entrée du catalogue</translation>
    </message>
    <message>
        <source>the program&apos;s SHA-256 %1 is not 64 lower-case hexadecimal digits</source>
        <translation>Le SHA-256 du programme, %1, n’est pas fait de 64 chiffres hexadécimaux minuscules</translation>
    </message>
    <message>
        <source>vendor command line %1 must be one command: no lone &apos;;&apos; and no final backslash</source>
        <translation>La ligne de commande du fournisseur %1 doit être une seule commande : ni &apos;;&apos; isolé, ni barre oblique inverse finale</translation>
    </message>
    <message>
        <source>a program called by another (%1) cannot be a container: the container method runs a service</source>
        <translation>un programme appelé par un autre (%1) ne peut pas être un conteneur : la méthode conteneur exécute un service</translation>
    </message>
    <message>
        <source>calling user %1 is not a valid system user name for an agent ([a-z_][a-z0-9_-]*, at most 31, not a reserved name such as root)</source>
        <translation>l&apos;utilisateur appelant %1 n&apos;est pas un nom d&apos;utilisateur système valide pour un agent ([a-z_][a-z0-9_-]*, 31 au plus, pas un nom réservé comme root)</translation>
    </message>
    <message>
        <source>a sudo rule for the called program %1 needs the user that calls it</source>
        <translation>une règle sudo pour le programme appelé %1 a besoin de l&apos;utilisateur qui l&apos;appelle</translation>
    </message>
    <message>
        <source>a program called by another has no service of its own, so its %1 would never be granted: leave it empty</source>
        <translation>un programme appelé par un autre n&apos;a pas de service propre, donc %1 ne serait jamais accordé : laissez-le vide</translation>
    </message>
    <message>
        <source>calling user %1 is given for an agent that is not called by another program</source>
        <translation>l&apos;utilisateur appelant %1 est donné pour un agent qui n&apos;est pas appelé par un autre programme</translation>
    </message>
    <message>
        <source>schedule %1 is not an OnCalendar= expression (&quot;hourly&quot;, &quot;*-*-* 03:00:00&quot;)</source>
        <translation>la planification %1 n&apos;est pas une expression OnCalendar= (« hourly », « *-*-* 03:00:00 »)</translation>
    </message>
    <message>
        <source>schedule %1 needs a unit of Deroot&apos;s own: not a container and not a drop-in for an existing unit</source>
        <translation>la planification %1 a besoin d&apos;une unité propre à Deroot : ni un conteneur ni un drop-in pour une unité existante</translation>
    </message>
    <message>
        <source>schedule %1 is given for an agent that is not started on a schedule</source>
        <translation>la planification %1 est donnée pour un agent qui n&apos;est pas lancé selon un calendrier</translation>
    </message>
    <message>
        <source>environment setting %1 must be NAME=value in printable ASCII, without quotes, backslashes, &apos;%&apos;, &apos;$&apos; or &apos;`&apos;</source>
        <translation>le réglage d&apos;environnement %1 doit être NOM=valeur en ASCII imprimable, sans guillemets, barres obliques inverses, &apos;%&apos;, &apos;$&apos; ni &apos;`&apos;</translation>
    </message>
    <message>
        <source>environment setting %1 would make the program load code from elsewhere: set it in the agent&apos;s own configuration if it must be</source>
        <translation>le réglage d&apos;environnement %1 ferait charger au programme du code d&apos;ailleurs : mettez-le dans la configuration propre de l&apos;agent s&apos;il le faut</translation>
    </message>
    <message>
        <source>%1: at most 64 environment settings and 8 environment files</source>
        <translation>%1 : 64 réglages d&apos;environnement et 8 fichiers d&apos;environnement au plus</translation>
    </message>
    <message>
        <source>environment file %1 must be an absolute, normalised path (&quot;-&quot; first: it may be missing)</source>
        <translation>le fichier d&apos;environnement %1 doit être un chemin absolu et normalisé (« - » devant : il peut manquer)</translation>
    </message>
    <message>
        <source>sudo command %1 is not an absolute path to a file</source>
        <translation>La commande sudo %1 n’est pas un chemin absolu vers un fichier</translation>
    </message>
    <message>
        <source>sudo command %1 does not exist (%2 is missing)</source>
        <translation>La commande sudo %1 n’existe pas (%2 manque)</translation>
    </message>
    <message>
        <source>sudo command %1 cannot be examined: %2: %3</source>
        <translation>La commande sudo %1 ne peut pas être examinée : %2 : %3</translation>
    </message>
    <message>
        <source>sudo command %1 is refused: %2 %3</source>
        <translation>La commande sudo %1 est refusée : %2 %3</translation>
    </message>
    <message>
        <source>unit %1 can be replaced only by a new unit of Deroot&apos;s own, not by a drop-in, a container, file capabilities or itself</source>
        <translation>l&apos;unité %1 ne peut être remplacée que par une nouvelle unité propre à Deroot, pas par un drop-in, un conteneur, des capabilities de fichier ou elle-même</translation>
    </message>
    <message>
        <source>environment file %1 does not exist (write &quot;-&quot; first if it may be missing)</source>
        <translation>le fichier d&apos;environnement %1 n&apos;existe pas (écrivez « - » devant s&apos;il peut manquer)</translation>
    </message>
    <message>
        <source>environment file %1 cannot be examined: %2</source>
        <translation>le fichier d&apos;environnement %1 ne peut pas être examiné : %2</translation>
    </message>
    <message>
        <source>environment file %1 is refused: %2, so someone other than root could choose what the agent loads</source>
        <translation>le fichier d&apos;environnement %1 est refusé : %2, donc quelqu&apos;un d&apos;autre que root pourrait choisir ce que l&apos;agent charge</translation>
    </message>
    <message>
        <source>environment setting %1 would run programs from outside the system&apos;s folders (/usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin, /sbin, /bin): set it in the agent&apos;s own configuration if it must be</source>
        <translation>le réglage d&apos;environnement %1 ferait exécuter des programmes hors des dossiers du système (/usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin, /sbin, /bin) : définissez-le dans la configuration propre de l&apos;agent s&apos;il le faut</translation>
    </message>
    <message>
        <source>The container image is empty: give the image the container runs (registry/name:tag). The catalog names none for %1.</source>
        <translation>L&apos;image du conteneur est vide : indiquez l&apos;image que le conteneur exécute (registre/nom:étiquette). Le catalogue n&apos;en nomme aucune pour %1.</translation>
    </message>
    <message>
        <source>host access for a container is set, but the method is not the container method</source>
        <translation>un accès à l&apos;hôte pour un conteneur est défini, mais la méthode n&apos;est pas celle du conteneur</translation>
    </message>
    <message>
        <source>container argument %1 is not one option word (-x, --name=value)</source>
        <translation>l&apos;argument de conteneur %1 n&apos;est pas un seul mot d&apos;option (-x, --nom=valeur)</translation>
    </message>
    <message>
        <source>the sudo method needs at least one command to allow</source>
        <translation>la méthode sudo a besoin d&apos;au moins une commande à autoriser</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Inspect</name>
    <message>
        <source>The evidence suggests %1, which the catalog entry for %2 does not list.</source>
        <translation>Les indices suggèrent %1, que l&apos;entrée du catalogue pour %2 ne mentionne pas.</translation>
    </message>
    <message>
        <source>The system has the unit %1 for this agent: inspect that unit instead to get a drop-in for it, rather than a second unit that would run the agent twice.</source>
        <translation>Le système a l&apos;unité %1 pour cet agent : inspectez plutôt cette unité pour obtenir un drop-in, au lieu d&apos;une seconde unité qui ferait tourner l&apos;agent deux fois.</translation>
    </message>
    <message>
        <source>The agent catalog could not be read, so this report has no catalog knowledge.</source>
        <translation>Le catalogue des agents n&apos;a pas pu être lu : ce rapport ne contient donc rien du catalogue.</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1 does not exist: a part of the path is not a directory</source>
        <translation>%1 n&apos;existe pas : une partie du chemin n&apos;est pas un répertoire</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>%1 ne peut pas être lu : permission refusée</translation>
    </message>
    <message>
        <source>%1 is a symbolic link loop</source>
        <translation>%1 est une boucle de liens symboliques</translation>
    </message>
    <message>
        <source>%1 is too long a path</source>
        <translation>%1 est un chemin trop long</translation>
    </message>
    <message>
        <source>%1 is a socket, not a program</source>
        <translation>%1 est un socket, pas un programme</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 ne peut pas être ouvert : %2</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>un répertoire</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un périphérique caractère</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>un périphérique bloc</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>une FIFO</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>Someone other than root can change this program: granting it capabilities or running it as root would hand them that privilege.</source>
        <translation>Quelqu&apos;un d&apos;autre que root peut modifier ce programme : lui donner des capabilities ou l&apos;exécuter en root lui remettrait ce privilège.</translation>
    </message>
    <message>
        <source>Someone other than root can replace this program through a directory above it: granting it capabilities or running it as root would hand them that privilege.</source>
        <translation>Quelqu&apos;un d&apos;autre que root peut remplacer ce programme par un répertoire au-dessus : lui donner des capabilities ou l&apos;exécuter en root lui remettrait ce privilège.</translation>
    </message>
    <message>
        <source>The program lies in a directory everyone can write to; others cannot replace it, but can place files next to it. Install agents under /usr or /opt instead.</source>
        <translation>Le programme se trouve dans un répertoire où tout le monde peut écrire ; les autres ne peuvent pas le remplacer, mais peuvent poser des fichiers à côté. Installez plutôt les agents sous /usr ou /opt.</translation>
    </message>
    <message>
        <source>Its %1 has an entry relative to the working directory: libraries are then loaded from wherever it is started.</source>
        <translation>Son %1 a une entrée relative au répertoire de travail : les bibliothèques sont alors chargées depuis l&apos;endroit où il est lancé.</translation>
    </message>
    <message>
        <source>It loads libraries from a directory someone other than root can write to: with capabilities, that is a privilege escalation.</source>
        <translation>Il charge des bibliothèques depuis un répertoire où quelqu&apos;un d&apos;autre que root peut écrire : avec des capabilities, c&apos;est une élévation de privilèges.</translation>
    </message>
    <message>
        <source>It uses the deprecated DT_RPATH, which takes precedence over LD_LIBRARY_PATH.</source>
        <translation>Il utilise DT_RPATH, obsolète, qui prime sur LD_LIBRARY_PATH.</translation>
    </message>
    <message>
        <source>It was built without some exploit mitigations; a privileged program should have them.</source>
        <translation>Il a été compilé sans certaines protections contre les exploits ; un programme privilégié devrait les avoir.</translation>
    </message>
    <message>
        <source>the path is empty</source>
        <translation>le chemin est vide</translation>
    </message>
    <message>
        <source>%1 contains a NUL byte</source>
        <translation>%1 contient un octet NUL</translation>
    </message>
    <message>
        <source>%1 is %2, not a program</source>
        <translation>%1 est %2, pas un programme</translation>
    </message>
    <message>
        <source>%1 was replaced by %2 while it was opened</source>
        <translation>%1 a été remplacé par %2 pendant son ouverture</translation>
    </message>
    <message>
        <source>%1 was replaced while it was opened</source>
        <translation>%1 a été remplacé pendant son ouverture</translation>
    </message>
    <message>
        <source>%1 is %2 MB, larger than any agent program Deroot inspects (%3 MB at most)</source>
        <translation>%1 fait %2 Mo, plus que tout programme d&apos;agent que Deroot inspecte (%3 Mo au plus)</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <source>it starts with %1</source>
        <translation>il commence par %1</translation>
    </message>
    <message>
        <source>%1 is neither an ELF program nor a script (%2)</source>
        <translation>%1 n&apos;est ni un programme ELF ni un script (%2)</translation>
    </message>
    <message>
        <source>%1 could not be read to the end: %2</source>
        <translation>%1 n&apos;a pas pu être lu jusqu&apos;au bout : %2</translation>
    </message>
    <message>
        <source>It is set-user-ID: everyone who runs it runs it as %1.</source>
        <translation>Il est set-user-ID : quiconque l&apos;exécute l&apos;exécute en tant que %1.</translation>
    </message>
    <message>
        <source>It is set-group-ID: everyone who runs it runs it with %1.</source>
        <translation>Il est set-group-ID : quiconque l&apos;exécute l&apos;exécute avec %1.</translation>
    </message>
    <message>
        <source>the file&apos;s capabilities grant it (%1)</source>
        <translation>les capabilities du fichier l&apos;accordent (%1)</translation>
    </message>
    <message>
        <source>the file&apos;s capabilities grant it (%1), as installed by package %2</source>
        <translation>les capabilities du fichier l&apos;accordent (%1), telles qu&apos;installées par le paquet %2</translation>
    </message>
    <message>
        <source>It has file capabilities: %1.</source>
        <translation>Il a des capabilities de fichier : %1.</translation>
    </message>
    <message>
        <source>Package %1 owns it: an upgrade that replaces the file drops capabilities set by hand (the package&apos;s own scripts set them again only for the ones it ships).</source>
        <translation>Le paquet %1 le possède : une mise à niveau qui remplace le fichier efface les capabilities posées à la main (les scripts du paquet ne remettent que celles qu&apos;il fournit).</translation>
    </message>
    <message>
        <source>Its capabilities are namespaced (v3): they apply only in a user namespace whose root is uid %1.</source>
        <translation>Ses capabilities sont liées à un espace de noms (v3) : elles ne valent que dans un espace de noms utilisateur dont root est l&apos;uid %1.</translation>
    </message>
    <message>
        <source>File capabilities on a script do nothing: the kernel runs the interpreter, not the script. Grant them to the service (AmbientCapabilities) or give the one privileged command a sudo rule.</source>
        <translation>Des capabilities de fichier sur un script ne font rien : le noyau exécute l&apos;interpréteur, pas le script. Accordez-les au service (AmbientCapabilities) ou donnez une règle sudo à la seule commande privilégiée.</translation>
    </message>
    <message>
        <source>It is a script: file capabilities cannot work on it. Grant capabilities to the service (AmbientCapabilities) or use a sudo rule for the privileged command.</source>
        <translation>C&apos;est un script : des capabilities de fichier ne peuvent pas y agir. Accordez les capabilities au service (AmbientCapabilities) ou utilisez une règle sudo pour la commande privilégiée.</translation>
    </message>
    <message>
        <source>It may need %1 depending on how it is configured; check before granting it.</source>
        <translation>Il peut avoir besoin de %1 selon sa configuration ; vérifiez avant de l&apos;accorder.</translation>
    </message>
    <message>
        <source>Go programs make system calls directly, so imported symbols say little about what it needs; its modules and the catalog are the evidence.</source>
        <translation>Les programmes Go font leurs appels système directement : les symboles importés disent peu de ce dont il a besoin ; ses modules et le catalogue font foi.</translation>
    </message>
    <message>
        <source>It is statically linked: it imports no symbols, so symbol evidence is unavailable.</source>
        <translation>Il est lié statiquement : il n&apos;importe aucun symbole, il n&apos;y a donc pas d&apos;indice par les symboles.</translation>
    </message>
    <message>
        <source>%1 has %2 open: raw access to a disk or to memory amounts to root.</source>
        <translation>%1 a %2 ouvert : un accès direct à un disque ou à la mémoire revient à root.</translation>
    </message>
    <message>
        <source>The executable of %1 could not be inspected: %2</source>
        <translation>L&apos;exécutable de %1 n&apos;a pas pu être inspecté : %2</translation>
    </message>
    <message>
        <source>%1 runs in another network namespace; the network sysctl values shown are Deroot&apos;s own namespace&apos;s.</source>
        <translation>%1 tourne dans un autre espace de noms réseau ; les valeurs sysctl réseau affichées sont celles de l&apos;espace de noms de Deroot.</translation>
    </message>
    <message>
        <source>%1 pings through an ICMP datagram socket, which needs no capability when net.ipv4.ping_group_range admits its group (here unreadable).</source>
        <translation>%1 pingue par un socket datagramme ICMP, qui ne demande aucune capability quand net.ipv4.ping_group_range admet son groupe (ici illisible).</translation>
    </message>
    <message>
        <source>%1 pings through an ICMP datagram socket, which needs no capability when net.ipv4.ping_group_range admits its group (here: %2).</source>
        <translation>%1 pingue par un socket datagramme ICMP, qui ne demande aucune capability quand net.ipv4.ping_group_range admet son groupe (ici : %2).</translation>
    </message>
    <message>
        <source>Port %1 is below 1024, but %2 here, so binding it needs no capability.</source>
        <translation>Le port %1 est sous 1024, mais ici %2, donc s&apos;y lier ne demande aucune capability.</translation>
    </message>
    <message>
        <source>Here groups %1 to %2 may open ICMP sockets without privilege: for ICMP echo alone, an agent running with such a group needs no CAP_NET_RAW.</source>
        <translation>Ici les groupes %1 à %2 peuvent ouvrir des sockets ICMP sans privilège : pour le seul écho ICMP, un agent tournant avec un tel groupe n&apos;a pas besoin de CAP_NET_RAW.</translation>
    </message>
    <message>
        <source>Here no group may open ICMP sockets without privilege, so pinging needs CAP_NET_RAW (widening net.ipv4.ping_group_range would remove that need).</source>
        <translation>Ici aucun groupe ne peut ouvrir de socket ICMP sans privilège : pinguer demande donc CAP_NET_RAW (élargir net.ipv4.ping_group_range supprimerait ce besoin).</translation>
    </message>
    <message>
        <source>Port %1 is at or above this machine&apos;s unprivileged port start, so binding it needs no capability here (it would elsewhere).</source>
        <translation>Le port %1 est au niveau ou au-dessus du début des ports non privilégiés de cette machine : s&apos;y lier ne demande ici aucune capability (ailleurs, si).</translation>
    </message>
    <message>
        <source>%1 runs %2 with no_new_privs (%3), so its file capabilities (%4) are ignored: grant them with AmbientCapabilities= instead.</source>
        <translation>%1 exécute %2 avec no_new_privs (%3) : ses capabilities de fichier (%4) sont donc ignorées ; accordez-les plutôt avec AmbientCapabilities=.</translation>
    </message>
    <message>
        <source>The CapabilityBoundingSet= of %1 lacks %2, which %3 must get from its file capabilities: execve fails with EPERM (capabilities(7)).</source>
        <translation>Le CapabilityBoundingSet= de %1 n&apos;a pas %2, que %3 doit obtenir de ses capabilities de fichier : execve échoue avec EPERM (capabilities(7)).</translation>
    </message>
    <message>
        <source>%1 starts %2 as root although User=%3 (ExecStart= with &apos;!&apos; or &apos;+&apos;): the program drops privileges itself, if at all.</source>
        <translation>%1 lance %2 en root malgré User=%3 (ExecStart= avec « ! » ou « + ») : le programme abandonne ses privilèges lui-même, s&apos;il le fait.</translation>
    </message>
    <message>
        <source>%1 runs as root with every capability: find what it needs and give it a User= with only that.</source>
        <translation>%1 tourne en root avec toutes les capabilities : trouvez ce dont il a besoin et donnez-lui un User= avec seulement cela.</translation>
    </message>
    <message>
        <source>%1 runs as root within the bounding set %2: find what it needs and give it a User= with only that.</source>
        <translation>%1 tourne en root dans l&apos;ensemble borné %2 : trouvez ce dont il a besoin et donnez-lui un User= avec seulement cela.</translation>
    </message>
    <message>
        <source>%1 names capabilities this version of Deroot does not know: %2.</source>
        <translation>%1 nomme des capabilities que cette version de Deroot ne connaît pas : %2.</translation>
    </message>
    <message>
        <source>The program of %1 could not be inspected: %2</source>
        <translation>Le programme de %1 n&apos;a pas pu être inspecté : %2</translation>
    </message>
    <message>
        <source>The main process of %1 could not be inspected: %2</source>
        <translation>Le processus principal de %1 n&apos;a pas pu être inspecté : %2</translation>
    </message>
    <message>
        <source>The agent has the unit %1, but it could not be read (%2): the plan cannot work with it and would make a unit of its own.</source>
        <translation>L&apos;agent a l&apos;unité %1, mais elle n&apos;a pas pu être lue (%2) : le plan ne peut pas s&apos;en servir et créerait sa propre unité.</translation>
    </message>
    <message>
        <source>captures packets (pcap_open_live(3pcap): needs a packet socket)</source>
        <translation>capture des paquets (pcap_open_live(3pcap) : demande un socket de paquets)</translation>
    </message>
    <message>
        <source>captures packets (pcap_create(3pcap): needs a packet socket)</source>
        <translation>capture des paquets (pcap_create(3pcap) : demande un socket de paquets)</translation>
    </message>
    <message>
        <source>captures packets (pcap_activate(3pcap))</source>
        <translation>capture des paquets (pcap_activate(3pcap))</translation>
    </message>
    <message>
        <source>sets the clock (settimeofday(2))</source>
        <translation>règle l&apos;horloge (settimeofday(2))</translation>
    </message>
    <message>
        <source>may set a clock (clock_settime(2): CLOCK_REALTIME needs it)</source>
        <translation>peut régler une horloge (clock_settime(2) : CLOCK_REALTIME en a besoin)</translation>
    </message>
    <message>
        <source>sets the clock (stime(2))</source>
        <translation>règle l&apos;horloge (stime(2))</translation>
    </message>
    <message>
        <source>may adjust the clock (adjtimex(2): reading needs nothing)</source>
        <translation>peut ajuster l&apos;horloge (adjtimex(2) : la lecture ne demande rien)</translation>
    </message>
    <message>
        <source>may adjust the clock (clock_adjtime(2): reading needs nothing)</source>
        <translation>peut ajuster l&apos;horloge (clock_adjtime(2) : la lecture ne demande rien)</translation>
    </message>
    <message>
        <source>may adjust the clock (ntp_adjtime(3): reading needs nothing)</source>
        <translation>peut ajuster l&apos;horloge (ntp_adjtime(3) : la lecture ne demande rien)</translation>
    </message>
    <message>
        <source>slews the clock (adjtime(3))</source>
        <translation>corrige l&apos;horloge progressivement (adjtime(3))</translation>
    </message>
    <message>
        <source>traces processes (ptrace(2): others&apos; processes need it)</source>
        <translation>trace des processus (ptrace(2) : ceux des autres en ont besoin)</translation>
    </message>
    <message>
        <source>reads other processes&apos; memory (process_vm_readv(2): others&apos; processes need it)</source>
        <translation>lit la mémoire d&apos;autres processus (process_vm_readv(2) : ceux des autres en ont besoin)</translation>
    </message>
    <message>
        <source>writes other processes&apos; memory (process_vm_writev(2): others&apos; processes need it)</source>
        <translation>écrit dans la mémoire d&apos;autres processus (process_vm_writev(2) : ceux des autres en ont besoin)</translation>
    </message>
    <message>
        <source>mounts file systems (mount(2))</source>
        <translation>monte des systèmes de fichiers (mount(2))</translation>
    </message>
    <message>
        <source>unmounts file systems (umount(2))</source>
        <translation>démonte des systèmes de fichiers (umount(2))</translation>
    </message>
    <message>
        <source>changes the root mount (pivot_root(2))</source>
        <translation>change le montage racine (pivot_root(2))</translation>
    </message>
    <message>
        <source>sets the host name (sethostname(2))</source>
        <translation>définit le nom d&apos;hôte (sethostname(2))</translation>
    </message>
    <message>
        <source>sets the NIS domain name (setdomainname(2))</source>
        <translation>définit le nom de domaine NIS (setdomainname(2))</translation>
    </message>
    <message>
        <source>enters namespaces (setns(2): most kinds need it)</source>
        <translation>entre dans des espaces de noms (setns(2) : la plupart des types en ont besoin)</translation>
    </message>
    <message>
        <source>makes namespaces (unshare(2): all but user namespaces need it)</source>
        <translation>crée des espaces de noms (unshare(2) : tous sauf les espaces de noms utilisateur en ont besoin)</translation>
    </message>
    <message>
        <source>loads kernel modules (init_module(2))</source>
        <translation>charge des modules du noyau (init_module(2))</translation>
    </message>
    <message>
        <source>loads kernel modules (finit_module(2))</source>
        <translation>charge des modules du noyau (finit_module(2))</translation>
    </message>
    <message>
        <source>unloads kernel modules (delete_module(2))</source>
        <translation>décharge des modules du noyau (delete_module(2))</translation>
    </message>
    <message>
        <source>accesses I/O ports (ioperm(2))</source>
        <translation>accède aux ports d&apos;E/S (ioperm(2))</translation>
    </message>
    <message>
        <source>accesses I/O ports (iopl(2))</source>
        <translation>accède aux ports d&apos;E/S (iopl(2))</translation>
    </message>
    <message>
        <source>reboots the machine (reboot(2))</source>
        <translation>redémarre la machine (reboot(2))</translation>
    </message>
    <message>
        <source>loads a new kernel (kexec_load(2))</source>
        <translation>charge un nouveau noyau (kexec_load(2))</translation>
    </message>
    <message>
        <source>changes its root directory (chroot(2))</source>
        <translation>change son répertoire racine (chroot(2))</translation>
    </message>
    <message>
        <source>may create device files (mknod(2): FIFOs need nothing)</source>
        <translation>peut créer des fichiers de périphérique (mknod(2) : les FIFO ne demandent rien)</translation>
    </message>
    <message>
        <source>may create device files (mknodat(2): FIFOs need nothing)</source>
        <translation>peut créer des fichiers de périphérique (mknodat(2) : les FIFO ne demandent rien)</translation>
    </message>
    <message>
        <source>reads the kernel log (syslog(2): needs it when kernel.dmesg_restrict is 1)</source>
        <translation>lit le journal du noyau (syslog(2) : en a besoin quand kernel.dmesg_restrict vaut 1)</translation>
    </message>
    <message>
        <source>uses performance counters (perf_event_open(2): depends on kernel.perf_event_paranoid)</source>
        <translation>utilise des compteurs de performance (perf_event_open(2) : dépend de kernel.perf_event_paranoid)</translation>
    </message>
    <message>
        <source>loads BPF programs (bpf(2))</source>
        <translation>charge des programmes BPF (bpf(2))</translation>
    </message>
    <message>
        <source>changes its user id (setuid(2)): often to drop root after starting as root</source>
        <translation>change son identifiant d&apos;utilisateur (setuid(2)) : souvent pour abandonner root après un démarrage en root</translation>
    </message>
    <message>
        <source>changes its user ids (setresuid(2)): often to drop root</source>
        <translation>change ses identifiants d&apos;utilisateur (setresuid(2)) : souvent pour abandonner root</translation>
    </message>
    <message>
        <source>changes its user ids (setreuid(2)): often to drop root</source>
        <translation>change ses identifiants d&apos;utilisateur (setreuid(2)) : souvent pour abandonner root</translation>
    </message>
    <message>
        <source>changes its group id (setgid(2)): often to drop root</source>
        <translation>change son identifiant de groupe (setgid(2)) : souvent pour abandonner root</translation>
    </message>
    <message>
        <source>changes its group ids (setresgid(2)): often to drop root</source>
        <translation>change ses identifiants de groupe (setresgid(2)) : souvent pour abandonner root</translation>
    </message>
    <message>
        <source>sets supplementary groups (setgroups(2)): often to drop root</source>
        <translation>définit des groupes supplémentaires (setgroups(2)) : souvent pour abandonner root</translation>
    </message>
    <message>
        <source>sets supplementary groups (initgroups(3)): often to drop root</source>
        <translation>définit des groupes supplémentaires (initgroups(3)) : souvent pour abandonner root</translation>
    </message>
    <message>
        <source>changes its capability sets (capset(2)): may be dropping them</source>
        <translation>modifie ses ensembles de capabilities (capset(2)) : peut-être pour les abandonner</translation>
    </message>
    <message>
        <source>changes its capability sets (cap_set_proc(3)): may be dropping them</source>
        <translation>modifie ses ensembles de capabilities (cap_set_proc(3)) : peut-être pour les abandonner</translation>
    </message>
    <message>
        <source>locks its memory (mlockall(2): beyond RLIMIT_MEMLOCK needs it)</source>
        <translation>verrouille sa mémoire (mlockall(2) : au-delà de RLIMIT_MEMLOCK, il en a besoin)</translation>
    </message>
    <message>
        <source>sets scheduling policy (sched_setscheduler(2): real-time policies need it)</source>
        <translation>définit la politique d&apos;ordonnancement (sched_setscheduler(2) : les politiques temps réel en ont besoin)</translation>
    </message>
    <message>
        <source>links libpcap: captures packets through a packet socket (pcap(3pcap))</source>
        <translation>lié à libpcap : capture des paquets par un socket de paquets (pcap(3pcap))</translation>
    </message>
    <message>
        <source>links libbpf: loads BPF programs (bpf(2))</source>
        <translation>lié à libbpf : charge des programmes BPF (bpf(2))</translation>
    </message>
    <message>
        <source>links libbpf: tracing programs also need CAP_PERFMON (bpf(2))</source>
        <translation>lié à libbpf : les programmes de traçage demandent aussi CAP_PERFMON (bpf(2))</translation>
    </message>
    <message>
        <source>talks to a BMC; local /dev/ipmi0 is root-only by default</source>
        <translation>dialogue avec un BMC ; le /dev/ipmi0 local est réservé à root par défaut</translation>
    </message>
    <message>
        <source>uses gopacket/pcap: captures packets</source>
        <translation>utilise gopacket/pcap : capture des paquets</translation>
    </message>
    <message>
        <source>uses gopacket/afpacket: opens packet sockets</source>
        <translation>utilise gopacket/afpacket : ouvre des sockets de paquets</translation>
    </message>
    <message>
        <source>uses mdlayher/packet: opens packet sockets</source>
        <translation>utilise mdlayher/packet : ouvre des sockets de paquets</translation>
    </message>
    <message>
        <source>uses mdlayher/raw: opens packet sockets</source>
        <translation>utilise mdlayher/raw : ouvre des sockets de paquets</translation>
    </message>
    <message>
        <source>uses x/net/icmp: raw ICMP needs it; unprivileged ICMP sockets do not when net.ipv4.ping_group_range admits the group</source>
        <translation>utilise x/net/icmp : l&apos;ICMP brut en a besoin ; les sockets ICMP non privilégiés non, quand net.ipv4.ping_group_range admet le groupe</translation>
    </message>
    <message>
        <source>uses pro-bing: privileged mode needs it, unprivileged mode needs net.ipv4.ping_group_range</source>
        <translation>utilise pro-bing : le mode privilégié en a besoin, le mode non privilégié demande net.ipv4.ping_group_range</translation>
    </message>
    <message>
        <source>uses go-ping: privileged mode needs it, unprivileged mode needs net.ipv4.ping_group_range</source>
        <translation>utilise go-ping : le mode privilégié en a besoin, le mode non privilégié demande net.ipv4.ping_group_range</translation>
    </message>
    <message>
        <source>uses cilium/ebpf: loads BPF programs</source>
        <translation>utilise cilium/ebpf : charge des programmes BPF</translation>
    </message>
    <message>
        <source>uses cilium/ebpf: tracing programs also need CAP_PERFMON</source>
        <translation>utilise cilium/ebpf : les programmes de traçage demandent aussi CAP_PERFMON</translation>
    </message>
    <message>
        <source>uses gobpf: loads BPF programs</source>
        <translation>utilise gobpf : charge des programmes BPF</translation>
    </message>
    <message>
        <source>uses vishvananda/netlink: changing links, routes or rules needs it; reading does not</source>
        <translation>utilise vishvananda/netlink : modifier liens, routes ou règles en a besoin, la lecture non</translation>
    </message>
    <message>
        <source>uses ethtool: some ioctls need it</source>
        <translation>utilise ethtool : certains ioctl en ont besoin</translation>
    </message>
    <message>
        <source>uses perf-utils: performance counters</source>
        <translation>utilise perf-utils : compteurs de performance</translation>
    </message>
    <message>
        <source>uses go-iptables: changes firewall rules</source>
        <translation>utilise go-iptables : modifie des règles de pare-feu</translation>
    </message>
    <message>
        <source>uses nftables: changing rules needs it</source>
        <translation>utilise nftables : modifier des règles en a besoin</translation>
    </message>
    <message>
        <source>uses beevik/ntp: only a server on port 123 needs it</source>
        <translation>utilise beevik/ntp : seul un serveur sur le port 123 en a besoin</translation>
    </message>
    <message>
        <source>imports %1: %2</source>
        <translation>importe %1 : %2</translation>
    </message>
    <message>
        <source>needs %1: %2</source>
        <translation>requiert %1 : %2</translation>
    </message>
    <message>
        <source>Go module %1 %2: %3</source>
        <translation>module Go %1 %2 : %3</translation>
    </message>
    <message>
        <source>Go module %1 %2 (holds %3): %4</source>
        <translation>module Go %1 %2 (contient %3) : %4</translation>
    </message>
    <message>
        <source>%1, main package %2</source>
        <translation>%1, paquet principal %2</translation>
    </message>
    <message>
        <source>no dynamic section</source>
        <translation>aucune section dynamique</translation>
    </message>
    <message>
        <source>%1 has %2 open for read-write as fd %3 (%4)</source>
        <translation>%1 a %2 ouvert en lecture et écriture sous le fd %3 (%4)</translation>
    </message>
    <message>
        <source>%1 has %2 open for write as fd %3 (%4)</source>
        <translation>%1 a %2 ouvert en écriture sous le fd %3 (%4)</translation>
    </message>
    <message>
        <source>%1 has %2 open for read as fd %3 (%4)</source>
        <translation>%1 a %2 ouvert en lecture sous le fd %3 (%4)</translation>
    </message>
    <message>
        <source>group %1 may read-write %2 (%3)</source>
        <translation>le groupe %1 peut lire et écrire %2 (%3)</translation>
    </message>
    <message>
        <source>group %1 may write %2 (%3)</source>
        <translation>le groupe %1 peut écrire %2 (%3)</translation>
    </message>
    <message>
        <source>group %1 may read %2 (%3)</source>
        <translation>le groupe %1 peut lire %2 (%3)</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start is %1</source>
        <translation>net.ipv4.ip_unprivileged_port_start vaut %1</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start could not be read, so the kernel default 1024 is assumed</source>
        <translation>net.ipv4.ip_unprivileged_port_start n&apos;a pas pu être lu, la valeur par défaut du noyau, 1024, est donc supposée</translation>
    </message>
    <message>
        <source>socket inode %1, fd %2</source>
        <translation>inode du socket %1, fd %2</translation>
    </message>
    <message>
        <source>%1 has a raw %2 socket for protocol %3 (%4)</source>
        <translation>%1 a un socket brut %2 pour le protocole %3 (%4)</translation>
    </message>
    <message>
        <source>%1 has an ICMP datagram (ping) socket (%2)</source>
        <translation>%1 a un socket datagramme ICMP (ping) (%2)</translation>
    </message>
    <message>
        <source>%1 listens on %2 %3 (%4)</source>
        <translation>%1 écoute sur %2 %3 (%4)</translation>
    </message>
    <message>
        <source>%1 is bound on %2 %3 (%4)</source>
        <translation>%1 est lié à %2 %3 (%4)</translation>
    </message>
    <message>
        <source>%1: ports below it need CAP_NET_BIND_SERVICE</source>
        <translation>%1 : les ports inférieurs demandent CAP_NET_BIND_SERVICE</translation>
    </message>
    <message>
        <source>%1 has a packet socket (AF_PACKET, %2, %3; socket inode %4, fd %5)</source>
        <translation>%1 a un socket de paquets (AF_PACKET, %2, %3 ; inode du socket %4, fd %5)</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start unreadable; the default 1024 assumed</source>
        <translation>net.ipv4.ip_unprivileged_port_start illisible ; valeur par défaut 1024 supposée</translation>
    </message>
    <message>
        <source>%1/%2 is below the unprivileged port start (%3)</source>
        <translation>%1/%2 est sous le début des ports non privilégiés (%3)</translation>
    </message>
    <message>
        <source>%1 grants it with AmbientCapabilities=%2</source>
        <translation>%1 l&apos;accorde avec AmbientCapabilities=%2</translation>
    </message>
    <message>
        <source>%1 adds it with SupplementaryGroups=%2</source>
        <translation>%1 l&apos;ajoute avec SupplementaryGroups=%2</translation>
    </message>
    <message>
        <source>%1 makes it writable with ReadWritePaths=%2</source>
        <translation>%1 le rend accessible en écriture avec ReadWritePaths=%2</translation>
    </message>
    <message>
        <source>measured: NoNewPrivs 1 in its main process&apos;s status</source>
        <translation>mesuré : NoNewPrivs 1 dans le status de son processus principal</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 is larger than a unit file can be (1 MiB)</source>
        <translation>%1 est plus grand qu&apos;un fichier d&apos;unité ne peut l&apos;être (1 Mio)</translation>
    </message>
    <message>
        <source>%1 is not a service unit with one ExecStart= line: choose the program it starts</source>
        <translation>%1 n&apos;est pas une unité de service avec une ligne ExecStart= : choisissez le programme qu&apos;elle lance</translation>
    </message>
    <message>
        <source>the program of %1 cannot be found (ExecStart=%2)</source>
        <translation>le programme de %1 est introuvable (ExecStart=%2)</translation>
    </message>
    <message>
        <source>unit %1 does not exist</source>
        <translation>l&apos;unité %1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>unit %1 is masked: systemd will not start it</source>
        <translation>l&apos;unité %1 est masquée : systemd ne la lancera pas</translation>
    </message>
    <message>
        <source>unit %1 could not be loaded (%2)</source>
        <translation>l&apos;unité %1 n&apos;a pas pu être chargée (%2)</translation>
    </message>
    <message>
        <source>unit %1 has no ExecStart= and no main process: there is no program to inspect</source>
        <translation>l&apos;unité %1 n&apos;a ni ExecStart= ni processus principal : il n&apos;y a aucun programme à inspecter</translation>
    </message>
    <message>
        <source>unit %1 does not exist: unit names are letters, digits and &quot;:-_.\@&quot;, and do not start with &apos;-&apos;</source>
        <translation>l&apos;unité %1 n&apos;existe pas : les noms d&apos;unité sont faits de lettres, de chiffres et de « :-_.\@ », et ne commencent pas par &apos;-&apos;</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: systemctl is not installed, so there is no systemd to ask</source>
        <translation>l&apos;unité %1 ne peut pas être inspectée : systemctl n&apos;est pas installé, il n&apos;y a donc pas de systemd à interroger</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: %2</source>
        <translation>l&apos;unité %1 ne peut pas être inspectée : %2</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: systemd did not answer within %2 seconds</source>
        <translation>l&apos;unité %1 ne peut pas être inspectée : systemd n&apos;a pas répondu en %2 secondes</translation>
    </message>
    <message>
        <source>systemctl exited with %1</source>
        <translation>systemctl s&apos;est terminé avec %1</translation>
    </message>
    <message>
        <source>unit %1 cannot be inspected: systemd could not be asked (%2)</source>
        <translation>l&apos;unité %1 ne peut pas être inspectée : systemd n&apos;a pas pu être interrogé (%2)</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Method</name>
    <message>
        <source>Sudo rules</source>
        <translation>Règles sudo</translation>
    </message>
    <message>
        <source>Low-Medium</source>
        <translation>Faible à moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Emergency fixes; legacy systems; environments where you can&apos;t change how the agent runs.</source>
        <translation>Corrections d’urgence ; systèmes anciens ; environnements où l’on ne peut pas changer la façon dont l’agent est lancé.</translation>
    </message>
    <message>
        <source>Linux capabilities</source>
        <translation>Capacités Linux</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>The default, preferred method for bare-metal or VM-based deployments.</source>
        <translation>La méthode par défaut, à préférer pour les déploiements sur machines physiques ou virtuelles.</translation>
    </message>
    <message>
        <source>Containerization</source>
        <translation>Conteneurisation</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>Très élevée</translation>
    </message>
    <message>
        <source>Kubernetes/cloud-native environments; handling untrusted or third-party agents.</source>
        <translation>Environnements Kubernetes ou cloud natifs ; agents tiers ou non fiables.</translation>
    </message>
    <message>
        <source>Service user + hardened unit</source>
        <translation>Utilisateur de service + unité durcie</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Observe</name>
    <message>
        <source>observed without capabilities in %1: %2</source>
        <translation>observé sans capacités en %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, %2 refused; %3 (a netlink request: the kernel refuses it in its reply)</source>
        <translation>
            <numerusform>observé : %n vérification en %1, %2 refusée(s) ; %3 (une requête netlink : le noyau la refuse dans sa réponse)</numerusform>
            <numerusform>observé : %n vérifications en %1, %2 refusée(s) ; %3 (une requête netlink : le noyau la refuse dans sa réponse)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, %2 refused; %3</source>
        <translation>
            <numerusform>observé : %n vérification en %1, %2 refusée(s) ; %3</numerusform>
            <numerusform>observé : %n vérifications en %1, %2 refusée(s) ; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, granted; %2 (not shown necessary)</source>
        <translation>
            <numerusform>observé : %n vérification en %1, accordée ; %2 (sans preuve qu’elle soit nécessaire)</numerusform>
            <numerusform>observé : %n vérifications en %1, accordées ; %2 (sans preuve qu’elle soit nécessaire)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, refused; %2: the refusal may not be why it failed</source>
        <translation>
            <numerusform>observé : %n vérification en %1, refusée ; %2 : le refus n’est peut-être pas la cause de l’échec</numerusform>
            <numerusform>observé : %n vérifications en %1, refusées ; %2 : le refus n’est peut-être pas la cause de l’échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, refused, and the call succeeded without it; %2</source>
        <translation>
            <numerusform>observé : %n vérification en %1, refusée, et l’appel a réussi sans elle ; %2</numerusform>
            <numerusform>observé : %n vérifications en %1, refusées, et l’appel a réussi sans elle ; %2</numerusform>
        </translation>
    </message>
    <message>
        <source>observed only in dropping privileges (%1): not needed by an agent started as its service user</source>
        <translation>observée seulement en abandonnant des privilèges (%1) : inutile pour un agent lancé sous son utilisateur de service</translation>
    </message>
    <message>
        <source>observed only passing file permissions (%1): give the service user access to the paths instead</source>
        <translation>observée seulement en contournant des droits de fichiers (%1) : donnez plutôt à l’utilisateur de service l’accès aux chemins</translation>
    </message>
    <message>
        <source>observed only as noise (%1)</source>
        <translation>observée seulement comme bruit (%1)</translation>
    </message>
    <message>
        <source>observed: %1: give the service user %2 access (group, ACL or a managed directory) instead of %3</source>
        <translation>observé : %1 : donnez à l’utilisateur de service l’accès (%2) par un groupe, une ACL ou un répertoire géré au lieu de %3</translation>
    </message>
    <message>
        <source>observed: %1: give the service user %2 access (group, ACL or a managed directory)</source>
        <translation>observé : %1 : donnez à l’utilisateur de service l’accès (%2) par un groupe, une ACL ou un répertoire géré</translation>
    </message>
    <message>
        <source>Observed as root: files root owns pass their permission check before any capability is asked, so the file-permission problems the service user will meet are hidden; observe as the service user to see them.</source>
        <translation>Observé en root : les fichiers appartenant à root passent leur contrôle de droits avant qu’une capacité soit demandée, ce qui cache les problèmes de droits de fichiers que rencontrera l’utilisateur de service ; observez sous l’utilisateur de service pour les voir.</translation>
    </message>
    <message>
        <source>Observed with strace, without capabilities: each run stops at the first refusal that ends the agent; add what is needed and observe again until nothing new appears. EPERM can also come from a seccomp filter, an LSM or no_new_privs.</source>
        <translation>Observé avec strace, sans capacités : chaque exécution s’arrête au premier refus qui met fin à l’agent ; ajoutez ce qui est nécessaire et observez de nouveau jusqu’à ce que rien de nouveau n’apparaisse. EPERM peut aussi venir d’un filtre seccomp, d’un LSM ou de no_new_privs.</translation>
    </message>
    <message>
        <source>Only the code paths the agent ran in %1 are covered.</source>
        <translation>Seuls les chemins de code que l’agent a parcourus en %1 sont couverts.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: the agent was already running when the watch began, so the devices it opened and the sockets it made at start-up were not seen.</source>
        <translation>Aucun réglage de bac à sable n’est proposé : l’agent tournait déjà quand l’observation a commencé, donc les périphériques ouverts et les sockets créés au démarrage n’ont pas été vus.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: the agent failed (killed by signal %1), so what it did not do says little.</source>
        <translation>Aucun réglage de bac à sable n’est proposé : l’agent a échoué (tué par le signal %1), donc ce qu’il n’a pas fait dit peu de chose.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: the agent failed (exited with status %1), so what it did not do says little.</source>
        <translation>Aucun réglage de bac à sable n’est proposé : l’agent a échoué (terminé avec le statut %1), donc ce qu’il n’a pas fait dit peu de chose.</translation>
    </message>
    <message>
        <source>No sandbox setting is flagged: no system call of the agent was recorded, not even its start.</source>
        <translation>Aucun réglage de bac à sable n’est proposé : aucun appel système de l’agent n’a été enregistré, pas même son démarrage.</translation>
    </message>
    <message>
        <source>observed in %1: no device node opened</source>
        <translation>observé en %1 : aucun nœud de périphérique ouvert</translation>
    </message>
    <message>
        <source>observed in %1: no device node opened but %2, which PrivateDevices= keeps</source>
        <translation>observé en %1 : aucun nœud de périphérique ouvert sauf %2, que PrivateDevices= conserve</translation>
    </message>
    <message>
        <source>observed in %1: nothing below /home, /root or /run/user opened for writing (mkdir, rename and unlink are not recorded, nor reads, so ProtectHome=yes is not shown)</source>
        <translation>observé en %1 : rien sous /home, /root ou /run/user ouvert en écriture (mkdir, rename et unlink ne sont pas enregistrés, ni les lectures, donc ProtectHome=yes n’est pas démontré)</translation>
    </message>
    <message>
        <source>observed in %1: no socket but AF_UNIX ones, and no port bound (unix sockets in the file system still work; abstract ones reach only the unit&apos;s own network)</source>
        <translation>observé en %1 : aucun socket hors AF_UNIX, et aucun port lié (les sockets unix du système de fichiers fonctionnent toujours ; les abstraits n’atteignent que le réseau propre de l’unité)</translation>
    </message>
    <message>
        <source>observed in %1: no socket but AF_UNIX ones (always kept, for journald and D-Bus)</source>
        <translation>observé en %1 : aucun socket hors AF_UNIX (toujours conservé, pour journald et D-Bus)</translation>
    </message>
    <message>
        <source>observed in %1: sockets of %2 only (and AF_UNIX, always kept, for journald and D-Bus)</source>
        <translation>observé en %1 : sockets de %2 seulement (et AF_UNIX, toujours conservé, pour journald et D-Bus)</translation>
    </message>
    <message>
        <source>Every round: </source>
        <translation>Chaque tour : </translation>
    </message>
    <message>
        <source>Round %1: </source>
        <translation>Tour %1 : </translation>
    </message>
    <message>
        <source>Rounds %1: </source>
        <translation>Tours %1 : </translation>
    </message>
    <message>
        <source>still running when the time was up</source>
        <translation>toujours en marche quand le temps était écoulé</translation>
    </message>
    <message>
        <source>the target went away</source>
        <translation>la cible a disparu</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>tué par le signal %1</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>terminé avec le statut %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>deroot-observer wrote a recording that does not read: %1</source>
        <translation>deroot-observer a écrit un enregistrement illisible : %1</translation>
    </message>
    <message>
        <source>deroot-observer wrote no recording line</source>
        <translation>deroot-observer n’a écrit aucune ligne recording</translation>
    </message>
    <message>
        <source>deroot-observer crashed</source>
        <translation>deroot-observer a planté</translation>
    </message>
    <message>
        <source>deroot-observer failed</source>
        <translation>deroot-observer a échoué</translation>
    </message>
    <message>
        <source>It was given %1.</source>
        <translation>Il a reçu %1.</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Capabilities :</translation>
    </message>
    <message>
        <source>none was asked for</source>
        <translation>aucune n’a été demandée</translation>
    </message>
    <message>
        <source>Paths the service user needs access to:</source>
        <translation>Chemins auxquels l’utilisateur de service doit accéder :</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports :</translation>
    </message>
    <message>
        <source>Address families: %1</source>
        <translation>Familles d’adresses : %1</translation>
    </message>
    <message>
        <source>Files written:</source>
        <translation>Fichiers écrits :</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Périphériques :</translation>
    </message>
    <message>
        <source>Refused calls no rule explains (read them by hand):</source>
        <translation>Appels refusés qu’aucune règle n’explique (à lire à la main) :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Remarques :</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>write</source>
        <translation>écriture</translation>
    </message>
    <message>
        <source>execute</source>
        <translation>exécution</translation>
    </message>
    <message>
        <source>any</source>
        <translation>quelconque</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>a réussi</translation>
    </message>
    <message numerus="yes">
        <source>succeeded %n time(s)</source>
        <translation>
            <numerusform>a réussi %n fois</numerusform>
            <numerusform>a réussi %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>failed with %1</source>
        <translation>a échoué avec %1</translation>
    </message>
    <message numerus="yes">
        <source>failed with %1 %n time(s)</source>
        <translation>
            <numerusform>a échoué %n fois avec %1</numerusform>
            <numerusform>a échoué %n fois avec %1</numerusform>
        </translation>
    </message>
    <message>
        <source>did not return</source>
        <translation>n’est pas revenu</translation>
    </message>
    <message numerus="yes">
        <source>did not return %n time(s)</source>
        <translation>
            <numerusform>n’est pas revenu %n fois</numerusform>
            <numerusform>n’est pas revenu %n fois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n other call(s)</source>
        <translation>
            <numerusform>et %n autre appel</numerusform>
            <numerusform>et %n autres appels</numerusform>
        </translation>
    </message>
    <message>
        <source>needed</source>
        <comment>verdict</comment>
        <translation>nécessaire</translation>
    </message>
    <message>
        <source>used</source>
        <comment>verdict</comment>
        <translation>utilisée</translation>
    </message>
    <message>
        <source>advisory</source>
        <comment>verdict</comment>
        <translation>indicative</translation>
    </message>
    <message>
        <source>review</source>
        <comment>verdict</comment>
        <translation>à revoir</translation>
    </message>
    <message>
        <source>privilege-drop</source>
        <comment>verdict</comment>
        <translation>abandon-droits</translation>
    </message>
    <message>
        <source>path-fix</source>
        <comment>verdict</comment>
        <translation>accès-fichier</translation>
    </message>
    <message>
        <source>noise</source>
        <comment>verdict</comment>
        <translation>bruit</translation>
    </message>
    <message>
        <source>or a group of the service user in net.ipv4.ping_group_range</source>
        <translation>ou un groupe de l’utilisateur de service dans net.ipv4.ping_group_range</translation>
    </message>
    <message>
        <source>or a lower net.ipv4.ip_unprivileged_port_start</source>
        <translation>ou un net.ipv4.ip_unprivileged_port_start plus bas</translation>
    </message>
    <message>
        <source>or a lower kernel.perf_event_paranoid</source>
        <translation>ou un kernel.perf_event_paranoid plus bas</translation>
    </message>
    <message>
        <source>or LimitRTPRIO=/LimitNICE= for its own priority</source>
        <translation>ou LimitRTPRIO=/LimitNICE= pour sa propre priorité</translation>
    </message>
    <message>
        <source>RootDirectory= instead</source>
        <translation>RootDirectory= à la place</translation>
    </message>
    <message>
        <source>%1 granted for %2</source>
        <translation>%1 accordée pour %2</translation>
    </message>
    <message>
        <source>%1 refused for %2</source>
        <translation>%1 refusée pour %2</translation>
    </message>
    <message>
        <source>%1 failed with %2</source>
        <translation>%1 a échoué avec %2</translation>
    </message>
    <message>
        <source>observed: %1 succeeded</source>
        <translation>observé : %1 a réussi</translation>
    </message>
    <message>
        <source>observed: %1 failed with %2</source>
        <translation>observé : %1 a échoué avec %2</translation>
    </message>
    <message>
        <source>observed: bound %1 port %2</source>
        <translation>observé : lié à %1 port %2</translation>
    </message>
    <message>
        <source>observed: bound %1 port %2, refused with %3</source>
        <translation>observé : lié à %1 port %2, refusé avec %3</translation>
    </message>
    <message>
        <source>observed: bound a unix socket there</source>
        <translation>observé : un socket unix y est lié</translation>
    </message>
    <message>
        <source>observed: opened for %1</source>
        <translation>observé : ouvert pour %1</translation>
    </message>
    <message>
        <source>observed: opened for %1, refused with %2</source>
        <translation>observé : ouvert pour %1, refusé avec %2</translation>
    </message>
    <message>
        <source>observed: opened for writing</source>
        <translation>observé : ouvert en écriture</translation>
    </message>
    <message>
        <source>observed: %1</source>
        <translation>observé : %1</translation>
    </message>
    <message>
        <source>The sandbox settings are only what the recording did not contradict: not seeing something in %1 is weak evidence (a reload, a request, an error path may not have happened). Try each in a trial run before adding it.</source>
        <translation>Les réglages de bac à sable ne sont que ce que l’enregistrement n’a pas contredit : ne pas voir quelque chose en %1 est une preuve faible (un rechargement, une requête, un chemin d’erreur peuvent ne pas avoir eu lieu). Essayez chacun dans un essai avant de l’ajouter.</translation>
    </message>
    <message>
        <source>Not observed with %1: root-equivalent, which the helper never gives; observe as root to see the agent with it.</source>
        <translation>Non observé avec %1 : équivalent à root, ce que l’auxiliaire privilégié ne donne jamais ; observez en tant que root pour voir l’agent avec.</translation>
    </message>
    <message numerus="yes">
        <source>Observed %1 with %2 for %3 in %n round(s) (%4).</source>
        <translation>
            <numerusform>Observé : %1 avec %2 pendant %3 en %n tour (%4).</numerusform>
            <numerusform>Observé : %1 avec %2 pendant %3 en %n tours (%4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Observed %1 as %2 with %3 for %4 in %n round(s) (%5).</source>
        <translation>
            <numerusform>Observé : %1 en tant que %2 avec %3 pendant %4 en %n tour (%5).</numerusform>
            <numerusform>Observé : %1 en tant que %2 avec %3 pendant %4 en %n tours (%5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Observed %1 with %2 for %3 (%4).</source>
        <translation>Observé : %1 avec %2 pendant %3 (%4).</translation>
    </message>
    <message>
        <source>Observed %1 as %2 with %3 for %4 (%5).</source>
        <translation>Observé : %1 en tant que %2 avec %3 pendant %4 (%5).</translation>
    </message>
    <message>
        <source>Sandbox settings nothing recorded speaks against (candidates, not findings: try each in a trial run before adding it):</source>
        <translation>Réglages de bac à sable que rien d’enregistré ne contredit (des candidats, pas des constats : essayez chacun dans un essai avant de l’ajouter) :</translation>
    </message>
    <message numerus="yes">
        <source>No sandbox setting is flagged: the recorder lost %n event(s), any of which could have been a device or a socket.</source>
        <translation>
            <numerusform>Aucun réglage de bac à sable n’est proposé : l’enregistreur a perdu %n événement, qui aurait pu être un périphérique ou un socket.</numerusform>
            <numerusform>Aucun réglage de bac à sable n’est proposé : l’enregistreur a perdu %n événements, dont chacun aurait pu être un périphérique ou un socket.</numerusform>
        </translation>
    </message>
    <message>
        <source>command %1</source>
        <translation>commande %1</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>unité %1</translation>
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
        <translation>%1 existe et n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>%1 already holds files: choose an empty or new folder, or replace it (--force)</source>
        <translation>%1 contient déjà des fichiers : choisissez un dossier vide ou nouveau, ou remplacez-le (--force)</translation>
    </message>
    <message>
        <source>%1 cannot be made: %2 does not exist</source>
        <translation>%1 ne peut pas être créé : %2 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 ne peut pas être écrit : %2</translation>
    </message>
    <message>
        <source>two artifacts would both be written as %1</source>
        <translation>deux fichiers du plan seraient tous deux écrits sous le nom %1</translation>
    </message>
    <message>
        <source>%1 cannot be replaced: %2</source>
        <translation>%1 ne peut pas être remplacé : %2</translation>
    </message>
    <message>
        <source>the generated %1 fails its validator (%2); nothing was written</source>
        <translation>le fichier généré %1 échoue à son validateur (%2) ; rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>%1 is not a usable archive name</source>
        <translation>%1 n&apos;est pas un nom d&apos;archive utilisable</translation>
    </message>
    <message>
        <source>%1 is a directory</source>
        <translation>%1 est un dossier</translation>
    </message>
    <message>
        <source>%1 already exists: choose another name, or replace it</source>
        <translation>%1 existe déjà : choisissez un autre nom, ou remplacez-le</translation>
    </message>
    <message>
        <source>%1 cannot be written: tar: %2</source>
        <translation>%1 ne peut pas être écrit : tar : %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: gzip: %2</source>
        <translation>%1 ne peut pas être écrit : gzip : %2</translation>
    </message>
    <message>
        <source>%1 is not a Linux capability</source>
        <translation>%1 n&apos;est pas une capability Linux</translation>
    </message>
    <message>
        <source>%1 is not a port: write tcp/PORT or udp/PORT (1 to 65535)</source>
        <translation>%1 n&apos;est pas un port : écrivez tcp/PORT ou udp/PORT (de 1 à 65535)</translation>
    </message>
    <message>
        <source>plan.json names %1, which the plan lacks</source>
        <translation>plan.json nomme %1, qui manque au plan</translation>
    </message>
    <message>
        <source>the %1 %2 cannot go into an Ansible role: Ansible would read &quot;{&quot; in it as the start of a template</source>
        <translation>%1 %2 ne peut pas entrer dans un rôle Ansible : Ansible y lirait &quot;{&quot; comme le début d’un modèle</translation>
    </message>
    <message>
        <source>%1 is a name sudo does not read (it has a &apos;.&apos; or ends in &apos;~&apos;)</source>
        <translation>%1 est un nom que sudo ne lit pas (il contient un &apos;.&apos; ou finit par &apos;~&apos;)</translation>
    </message>
    <message>
        <source>%1 is not a file name in a folder</source>
        <translation>%1 n’est pas un nom de fichier dans un dossier</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::PrivilegeScore</name>
    <message>
        <source>with the plan</source>
        <translation>avec le plan</translation>
    </message>
    <message>
        <source>as it runs now</source>
        <translation>tel qu’il s’exécute maintenant</translation>
    </message>
    <message>
        <source>as its unit runs it</source>
        <translation>tel que son unité l’exécute</translation>
    </message>
    <message>
        <source>from what its file grants whoever runs it</source>
        <translation>d’après ce que son fichier accorde à quiconque l’exécute</translation>
    </message>
    <message>
        <source>if run as root</source>
        <translation>s’il est exécuté en root</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Prove</name>
    <message>
        <source>prove starts transient units as the plan&apos;s user, which needs root: run it with sudo</source>
        <translation>prove lance des unités transitoires sous l&apos;utilisateur du plan, ce qui demande root : lancez-le avec sudo</translation>
    </message>
    <message>
        <source>systemd is not running on this system</source>
        <translation>systemd ne tourne pas sur ce système</translation>
    </message>
    <message>
        <source>the plan&apos;s service user %1 does not exist yet: the apply creates it, and prove changes nothing but its transient units; create the user first (the plan&apos;s useradd.sh) or prove after the apply</source>
        <translation>l&apos;utilisateur de service %1 du plan n&apos;existe pas encore : l&apos;application le crée, et prove ne change rien d&apos;autre que ses unités transitoires ; créez d&apos;abord l&apos;utilisateur (useradd.sh du plan) ou éprouvez le plan après l&apos;application</translation>
    </message>
    <message>
        <source>the plan&apos;s group %1 does not exist</source>
        <translation>le groupe %1 du plan n&apos;existe pas</translation>
    </message>
    <message>
        <source>transient units of the trials are still loaded: %1 (systemctl stop and systemctl reset-failed remove them)</source>
        <translation>des unités temporaires des essais sont encore chargées : %1 (systemctl stop et systemctl reset-failed les retirent)</translation>
    </message>
    <message>
        <source>cannot open %1, a file of the agent&apos;s unit: %2</source>
        <translation>impossible d&apos;ouvrir %1, un fichier de l&apos;unité de l&apos;agent : %2</translation>
    </message>
    <message>
        <source>%1, a file of the agent&apos;s unit, is not a regular file that only root may change: a trial runs its settings as root would</source>
        <translation>%1, un fichier de l&apos;unité de l&apos;agent, n&apos;est pas un fichier ordinaire que seul root peut modifier : un essai applique ses réglages comme root le ferait</translation>
    </message>
    <message>
        <source>%1, a file of the agent&apos;s unit, is over %2 KiB</source>
        <translation>%1, un fichier de l&apos;unité de l&apos;agent, dépasse %2 Kio</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is %2: a trial runs a second copy of it, which would compete with it for its ports, pid file and runtime directory; stop it for the proof (systemctl stop %1) and start it again afterwards</source>
        <translation>l&apos;unité %1 de l&apos;agent est %2 : un essai en lance une seconde copie, qui lui disputerait ses ports, son fichier PID et son répertoire d&apos;exécution ; arrêtez-la pour la preuve (systemctl stop %1) et relancez-la ensuite</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is masked</source>
        <translation>l&apos;unité %1 de l&apos;agent est masquée</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is not known to systemd (%2)</source>
        <translation>systemd ne connaît pas l&apos;unité %1 de l&apos;agent (%2)</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 is started by %2, whose sockets a trial copy of it would not get; prove does not cover socket activation</source>
        <translation>l&apos;unité %1 de l&apos;agent est lancée par %2, dont une copie d&apos;essai ne recevrait pas les sockets ; prove ne couvre pas l&apos;activation par socket</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 has no unit file</source>
        <translation>l&apos;unité %1 de l&apos;agent n&apos;a pas de fichier d&apos;unité</translation>
    </message>
    <message>
        <source>the drop-in %1 of the agent&apos;s unit has a name a trial cannot order as systemd does</source>
        <translation>le drop-in %1 de l&apos;unité de l&apos;agent a un nom qu&apos;un essai ne peut pas ordonner comme systemd</translation>
    </message>
    <message>
        <source>two drop-ins of the agent&apos;s unit are named %1</source>
        <translation>deux drop-ins de l&apos;unité de l&apos;agent s&apos;appellent %1</translation>
    </message>
    <message>
        <source>the agent&apos;s unit %1 starts %2, not the plan&apos;s program %3</source>
        <translation>l&apos;unité %1 de l&apos;agent lance %2, pas le programme du plan %3</translation>
    </message>
    <message>
        <source>it exists, and systemd removes it when the trial ends</source>
        <translation>il existe, et systemd le supprime à la fin de l&apos;essai</translation>
    </message>
    <message>
        <source>systemd would make it for the trial</source>
        <translation>systemd le créerait pour l&apos;essai</translation>
    </message>
    <message>
        <source>with DynamicUser=yes systemd would move it below a private/ folder</source>
        <translation>avec DynamicUser=yes, systemd le déplacerait sous un dossier private/</translation>
    </message>
    <message>
        <source>systemd would hand it to the user %1 for the trial</source>
        <translation>systemd le donnerait à l&apos;utilisateur %1 pour l&apos;essai</translation>
    </message>
    <message>
        <source>the agent&apos;s unit has %1: %2, and prove changes nothing of the system; prove the plan after the apply</source>
        <translation>l&apos;unité de l&apos;agent a %1 : %2, et prove ne change rien au système ; prouvez le plan après l&apos;application</translation>
    </message>
    <message>
        <source>a trial run covers the capabilities method with a systemd unit only for now; this plan&apos;s method is %1</source>
        <translation>un essai ne couvre pour l&apos;instant que la méthode des capabilities avec une unité systemd ; la méthode de ce plan est %1</translation>
    </message>
    <message>
        <source>a trial run covers plans with a systemd unit only for now; this plan gives the program file capabilities, for the programs that call it</source>
        <translation>un essai ne couvre pour l&apos;instant que les plans avec une unité systemd ; ce plan donne au programme des capabilities de fichier, pour les programmes qui l&apos;appellent</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::ProveReport</name>
    <message>
        <source>exited with status %1</source>
        <translation>terminé avec le statut %1</translation>
    </message>
    <message>
        <source>dumped core on signal %1</source>
        <translation>a produit un core dump sur le signal %1</translation>
    </message>
    <message>
        <source>was killed by signal %1</source>
        <translation>a été tué par le signal %1</translation>
    </message>
    <message>
        <source>exited with status %1 before the time was up</source>
        <translation>s&apos;est terminé avec le statut %1 avant la fin du temps imparti</translation>
    </message>
    <message>
        <source>dumped core on signal %1 before the time was up</source>
        <translation>a produit un core dump sur le signal %1 avant la fin du temps imparti</translation>
    </message>
    <message>
        <source>was killed by signal %1 before the time was up</source>
        <translation>a été tué par le signal %1 avant la fin du temps imparti</translation>
    </message>
    <message>
        <source>did not start: %1</source>
        <translation>n&apos;a pas démarré : %1</translation>
    </message>
    <message>
        <source>was still running when the time was up</source>
        <translation>tournait encore à la fin du temps imparti</translation>
    </message>
    <message>
        <source>ended without an exit status</source>
        <translation>s&apos;est terminé sans statut de sortie</translation>
    </message>
    <message>
        <source>was not running when the time was up</source>
        <translation>ne tournait plus à la fin du temps imparti</translation>
    </message>
    <message>
        <source>not listening on %1</source>
        <translation>n&apos;écoute pas sur %1</translation>
    </message>
    <message>
        <source>the check command did not finish in time or did not start</source>
        <translation>la commande de vérification n&apos;a pas fini à temps ou n&apos;a pas démarré</translation>
    </message>
    <message>
        <source>the check command failed (exit code %1)</source>
        <translation>la commande de vérification a échoué (code de sortie %1)</translation>
    </message>
    <message>
        <source>cannot make the folder of %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>the unit ended before its program started (result: %1)</source>
        <translation>l&apos;unité s&apos;est arrêtée avant le démarrage de son programme (résultat : %1)</translation>
    </message>
    <message>
        <source>systemd-run could not be started: %1</source>
        <translation>systemd-run n&apos;a pas pu être lancé : %1</translation>
    </message>
    <message>
        <source>the unit has %1 already</source>
        <translation>l&apos;unité a déjà %1</translation>
    </message>
    <message>
        <source>PrivateDevices=yes takes %1 from the bounding set, which the plan grants; the capability&apos;s own trial asks whether it is needed</source>
        <translation>PrivateDevices=yes retire %1 de l&apos;ensemble limitant, que le plan accorde ; l&apos;essai propre à la capacité demande si elle est nécessaire</translation>
    </message>
    <message>
        <source>the plan listens on %1: in a network of its own nothing outside the unit could reach the agent, whatever a trial shows</source>
        <translation>le plan écoute sur %1 : dans un réseau à lui, rien hors de l&apos;unité ne pourrait joindre l&apos;agent, quoi que montre un essai</translation>
    </message>
    <message>
        <source>the unit has %1, as strict or stricter</source>
        <translation>l&apos;unité a %1, aussi strict ou plus strict</translation>
    </message>
    <message>
        <source>the unit&apos;s %1 is a deny list, which an allow list cannot be compared with</source>
        <translation>%1 de l&apos;unité est une liste d&apos;interdiction, à laquelle une liste d&apos;autorisation ne se compare pas</translation>
    </message>
    <message>
        <source>the observation saw %1, which the unit&apos;s %2 does not allow: its value would loosen the plan, which stays as it is</source>
        <translation>l&apos;observation a vu %1, que %2 de l&apos;unité n&apos;autorise pas : sa valeur relâcherait le plan, qui reste tel quel</translation>
    </message>
    <message>
        <source>%1 is not a setting prove tries</source>
        <translation>%1 n&apos;est pas un réglage que prove essaie</translation>
    </message>
    <message>
        <source>%1 implies NoNewPrivileges=yes, which this unit has off for sudo</source>
        <translation>%1 implique NoNewPrivileges=yes, que cette unité désactive pour sudo</translation>
    </message>
    <message>
        <source>The service user %1 does not exist yet (the apply creates it): each trial ran the agent as a user of that name which systemd made for the trial and removed after it (DynamicUser=yes). DynamicUser= also makes /usr, /etc and the home directories read-only for the agent and gives it no file owned by that user: a trial can fail where the applied plan would not, never the other way round.</source>
        <translation>L’utilisateur de service %1 n’existe pas encore (l’application le crée) : chaque essai a lancé l’agent sous un utilisateur de ce nom que systemd a créé pour l’essai et supprimé ensuite (DynamicUser=yes). DynamicUser= rend aussi /usr, /etc et les répertoires personnels en lecture seule pour l’agent et ne lui donne aucun fichier de cet utilisateur : un essai peut échouer là où le plan appliqué ne le ferait pas, jamais l’inverse.</translation>
    </message>
    <message>
        <source>Each trial ran a copy of %1 under another name: the [Service] settings of its unit file and its drop-ins, with the plan&apos;s drop-in among them as the apply installs it. Its [Unit] section (dependencies and conditions) was left out: a trial starts nothing else.</source>
        <translation>Chaque essai a exécuté une copie de %1 sous un autre nom : les réglages [Service] de son fichier d&apos;unité et de ses drop-ins, dont le drop-in du plan tel que l&apos;application l&apos;installe. Sa section [Unit] (dépendances et conditions) a été laissée de côté : un essai ne lance rien d&apos;autre.</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Recommend</name>
    <message>
        <source>Possible on a server too, at a higher complexity than capabilities.</source>
        <translation>Possible aussi sur un serveur, avec une complexité plus grande que les capabilities.</translation>
    </message>
    <message>
        <source>Capabilities remain possible for agents that run on the host itself.</source>
        <translation>Les capabilities restent possibles pour les agents qui tournent sur l&apos;hôte lui-même.</translation>
    </message>
    <message>
        <source>Moving the agent into a container changes how it runs, which this system does not allow.</source>
        <translation>Déplacer l&apos;agent dans un conteneur change sa façon de tourner, ce que ce système ne permet pas.</translation>
    </message>
    <message>
        <source>A compromised agent can still run every command its sudo rule allows.</source>
        <translation>Un agent compromis peut encore exécuter chaque commande que sa règle sudo permet.</translation>
    </message>
    <message>
        <source>It needs nothing an ordinary user lacks: run it as its own user under a hardened unit with no capabilities at all.</source>
        <translation>Il n&apos;a besoin de rien qui manque à un utilisateur ordinaire : exécutez-le sous son propre utilisateur dans une unité durcie, sans aucune capability.</translation>
    </message>
    <message>
        <source>There is no privileged command to give it through sudo.</source>
        <translation>Il n&apos;y a aucune commande privilégiée à lui donner par sudo.</translation>
    </message>
    <message>
        <source>It needs only to run %1 as root: a sudo rule for that command with fixed arguments beats any capability on the agent itself.</source>
        <translation>Il a seulement besoin d&apos;exécuter %1 en root : une règle sudo pour cette commande avec des arguments fixes vaut mieux que toute capability sur l&apos;agent lui-même.</translation>
    </message>
    <message>
        <source>Capabilities on the agent would give it what only %1 needs.</source>
        <translation>Des capabilities sur l&apos;agent lui donneraient ce dont seul %1 a besoin.</translation>
    </message>
    <message>
        <source>It needs %1, which is root-equivalent: capabilities would be little better than root.</source>
        <translation>Il a besoin de %1, équivalent à root : des capabilities ne vaudraient guère mieux que root.</translation>
    </message>
    <message>
        <source>Isolation limits what a root-equivalent capability can reach.</source>
        <translation>L&apos;isolation limite ce qu&apos;une capability équivalente à root peut atteindre.</translation>
    </message>
    <message>
        <source>A narrow sudo rule gives that power to one command, not to the whole agent.</source>
        <translation>Une règle sudo étroite donne ce pouvoir à une commande, pas à tout l&apos;agent.</translation>
    </message>
    <message>
        <source>It needs membership in %1, which amounts to root.</source>
        <translation>Il a besoin d&apos;appartenir à %1, ce qui revient à root.</translation>
    </message>
    <message>
        <source>A script cannot hold file capabilities: the unit grants them with AmbientCapabilities= instead.</source>
        <translation>Un script ne peut pas porter de capabilities de fichier : l&apos;unité les accorde à la place avec AmbientCapabilities=.</translation>
    </message>
    <message>
        <source>A script cannot hold file capabilities, and a program another agent calls has no unit to grant them: give the one privileged command a sudo rule for the calling user.</source>
        <translation>Un script ne peut pas porter de capabilities de fichier, et un programme qu&apos;un autre agent appelle n&apos;a pas d&apos;unité pour les accorder : donnez à la seule commande privilégiée une règle sudo pour l&apos;utilisateur appelant.</translation>
    </message>
    <message>
        <source>A script cannot hold file capabilities, and without systemd nothing else can grant them: give the one privileged command a sudo rule.</source>
        <translation>Un script ne peut pas porter de capabilities de fichier, et sans systemd rien d&apos;autre ne peut les accorder : donnez une règle sudo à la seule commande privilégiée.</translation>
    </message>
    <message>
        <source>Another agent calls it, so it has no unit of its own: the capabilities must sit on the file (setcap), and everyone who may run it gets them.</source>
        <translation>Un autre agent l&apos;appelle, il n&apos;a donc pas d&apos;unité à lui : les capabilities doivent être posées sur le fichier (setcap), et quiconque peut l&apos;exécuter les obtient.</translation>
    </message>
    <message>
        <source>Without systemd the capabilities must sit on the file (setcap): everyone who may run it gets them, and package upgrades drop them.</source>
        <translation>Sans systemd les capabilities doivent être posées sur le fichier (setcap) : quiconque peut l&apos;exécuter les obtient, et les mises à niveau du paquet les effacent.</translation>
    </message>
    <message>
        <source>Package %1 owns the program, and an upgrade unpacks a new file without the capabilities setcap gave the old one: the unit grants them with AmbientCapabilities= in a drop-in under /etc/systemd/system instead, which no package upgrade touches, so the grant survives upgrades by construction.</source>
        <translation>Le paquet %1 possède le programme, et une mise à niveau dépose un nouveau fichier sans les capabilities que setcap avait données à l&apos;ancien : l&apos;unité les accorde à la place avec AmbientCapabilities= dans un drop-in sous /etc/systemd/system, qu&apos;aucune mise à niveau ne touche, l&apos;octroi survit donc aux mises à niveau par construction.</translation>
    </message>
    <message>
        <source>Package %1 owns the program: every upgrade drops capabilities set with setcap. Deroot&apos;s dpkg trigger and apt hook set them again after each one, but only while the program is the one approved (its SHA-256): a new version needs a new plan.</source>
        <translation>Le paquet %1 possède le programme : chaque mise à niveau efface les capabilities posées avec setcap. Le déclencheur dpkg et le hook apt de Deroot les remettent après chacune, mais seulement tant que le programme est celui approuvé (son SHA-256) : une nouvelle version demande un nouveau plan.</translation>
    </message>
    <message>
        <source>The unit grants the capabilities with AmbientCapabilities= (a drop-in for a unit of the vendor&apos;s), not on the program&apos;s file: an update of the program cannot drop them, so the grant survives upgrades by construction.</source>
        <translation>L&apos;unité accorde les capabilities avec AmbientCapabilities= (un drop-in pour une unité du fournisseur), pas sur le fichier du programme : une mise à jour du programme ne peut pas les effacer, l&apos;octroi survit donc aux mises à niveau par construction.</translation>
    </message>
    <message>
        <source>Another agent calls it: a container would run it as a service of its own instead, which changes how it is started.</source>
        <translation>Un autre agent l&apos;appelle : un conteneur le ferait tourner comme un service à part, ce qui change la façon dont il est lancé.</translation>
    </message>
    <message>
        <source>Another agent calls it: a sudo rule lets only that agent&apos;s user run it as root, with the arguments it is called with.</source>
        <translation>Un autre agent l&apos;appelle : une règle sudo ne laisse que l&apos;utilisateur de cet agent l&apos;exécuter en root, avec les arguments de l&apos;appel.</translation>
    </message>
    <message>
        <source>Without systemd the agent&apos;s own start script runs it as its user and calls sudo for the command.</source>
        <translation>Sans systemd, le script de démarrage de l&apos;agent le lance sous son utilisateur et appelle sudo pour la commande.</translation>
    </message>
    <message>
        <source>network</source>
        <translation>le réseau</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>les processus</translation>
    </message>
    <message>
        <source>file systems (read-only)</source>
        <translation>les systèmes de fichiers (en lecture seule)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>Not in a hardened container: %1 (the catalog entry %2).</source>
        <translation>Pas dans un conteneur durci : %1 (l&apos;entrée du catalogue %2).</translation>
    </message>
    <message>
        <source>A container must share the host&apos;s %1 for it: %2 (the catalog entry %3).</source>
        <translation>Un conteneur doit pour lui partager %1 de l&apos;hôte : %2 (l&apos;entrée du catalogue %3).</translation>
    </message>
    <message>
        <source>On a server or VM, the usual choice: the agent runs as its own user under a hardened systemd unit, with only the capabilities it needs.</source>
        <translation>Sur un serveur ou une machine virtuelle, le choix habituel : l&apos;agent tourne sous son propre utilisateur dans une unité systemd durcie, avec seulement les capacités dont il a besoin.</translation>
    </message>
    <message>
        <source>On Kubernetes and other container platforms, the agent runs like every other workload: in a hardened container.</source>
        <translation>Sur Kubernetes et les autres plateformes de conteneurs, l&apos;agent tourne comme toute autre charge de travail : dans un conteneur durci.</translation>
    </message>
    <message>
        <source>On a legacy system, where how the agent runs cannot change, sudo rules let its own user run only the few commands that need root.</source>
        <translation>Sur un système ancien, où la façon dont l&apos;agent tourne ne peut pas changer, des règles sudo permettent à son propre utilisateur de lancer seulement les quelques commandes qui demandent root.</translation>
    </message>
    <message>
        <source>An untrusted or third-party agent belongs in a container: even when compromised, it stays trapped there.</source>
        <translation>Un agent non fiable ou tiers a sa place dans un conteneur : même compromis, il y reste enfermé.</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Rules</name>
    <message>
        <source>the service group %1 is a group whose members are as good as root: an agent gets a group of its own</source>
        <translation>Le groupe de service %1 est un groupe dont les membres valent root : un agent reçoit un groupe à lui</translation>
    </message>
    <message>
        <source>the supplementary group %1 gives sudo or root itself: no agent may be put into it</source>
        <translation>Le groupe supplémentaire %1 donne sudo ou root lui-même : aucun agent ne peut y être mis</translation>
    </message>
    <message>
        <source>file capabilities on %1 are refused: it is a shell or an interpreter, so every user could run any code with them; run it under systemd instead</source>
        <translation>Les capacités de fichier sur %1 sont refusées : c’est un shell ou un interpréteur, tout utilisateur pourrait donc exécuter n’importe quel code avec elles ; lancez-le plutôt sous systemd</translation>
    </message>
    <message>
        <source>the built-in list of programs never to allow through sudo could not be read</source>
        <translation>La liste intégrée des programmes à ne jamais autoriser par sudo n’a pas pu être lue</translation>
    </message>
    <message>
        <source>sudo command %1 is refused: through sudo it gives %2 as root whatever its arguments</source>
        <translation>La commande sudo %1 est refusée : par sudo elle donne %2 en tant que root, quels que soient ses arguments</translation>
    </message>
    <message>
        <source> (to %1)</source>
        <translation> (vers %1)</translation>
    </message>
    <message>
        <source>is a symlink%1, not a regular file: sudo would run whatever it points to, which these checks never saw</source>
        <translation>est un lien symbolique%1, pas un fichier ordinaire : sudo exécuterait ce vers quoi il pointe, que ces vérifications n’ont jamais vu</translation>
    </message>
    <message>
        <source>is a symlink%1, not a directory: sudo would run whatever it points to, which these checks never saw</source>
        <translation>est un lien symbolique%1, pas un répertoire : sudo exécuterait ce vers quoi il pointe, que ces vérifications n’ont jamais vu</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>is not a directory</source>
        <translation>n’est pas un répertoire</translation>
    </message>
    <message>
        <source>is owned by uid %1, not root, so someone other than root can change what runs as root</source>
        <translation>appartient à l’uid %1, pas à root, donc quelqu’un d’autre que root peut changer ce qui s’exécute en tant que root</translation>
    </message>
    <message>
        <source>is writable by others (mode %1), so someone other than root can change what runs as root</source>
        <translation>est modifiable par tous (mode %1), donc quelqu’un d’autre que root peut changer ce qui s’exécute en tant que root</translation>
    </message>
    <message>
        <source>is writable by its group (mode %1), so someone other than root can change what runs as root</source>
        <translation>est modifiable par son groupe (mode %1), donc quelqu’un d’autre que root peut changer ce qui s’exécute en tant que root</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::StartMode</name>
    <message>
        <source>It runs under %1.</source>
        <translation>Il tourne sous %1.</translation>
    </message>
    <message>
        <source>The process runs under %1.</source>
        <translation>Le processus tourne sous %1.</translation>
    </message>
    <message>
        <source>Its package ships %1.</source>
        <translation>Son paquet fournit %1.</translation>
    </message>
    <message>
        <source>Other agents run %1 (the catalog entry %2): it is not a service of its own.</source>
        <translation>D&apos;autres agents lancent %1 (l&apos;entrée du catalogue %2) : ce n&apos;est pas un service à part entière.</translation>
    </message>
    <message>
        <source>Nothing starts it yet: Deroot makes a unit for it.</source>
        <translation>Rien ne le lance encore : Deroot lui crée une unité.</translation>
    </message>
    <message>
        <source>%1 runs it through sudo (%2): the plan grants that user.</source>
        <translation>%1 le lance via sudo (%2) : le plan accorde les droits à cet utilisateur.</translation>
    </message>
    <message>
        <source>%1 run it through sudo (%2): say which agent&apos;s user calls it.</source>
        <translation>%1 le lancent via sudo (%2) : indiquez l&apos;utilisateur de l&apos;agent qui l&apos;appelle.</translation>
    </message>
    <message>
        <source>cron runs it as %1 on the schedule %2 (%3), which has no OnCalendar= equivalent: give the timer&apos;s schedule. Remove that cron line after the apply, or it runs twice.</source>
        <translation>cron le lance en tant que %1 selon la planification %2 (%3), sans équivalent OnCalendar= : indiquez la planification de la minuterie. Supprimez cette ligne cron après l&apos;application, sinon il s&apos;exécute deux fois.</translation>
    </message>
    <message>
        <source>cron runs it as %1 on the schedule %2 (%3): the plan&apos;s timer takes over. Remove that cron line after the apply, or it runs twice.</source>
        <translation>cron le lance en tant que %1 selon la planification %2 (%3) : la minuterie du plan prend le relais. Supprimez cette ligne cron après l&apos;application, sinon il s&apos;exécute deux fois.</translation>
    </message>
    <message>
        <source>It runs inside %1, whose agent %2 started it as %3: that agent calls it.</source>
        <translation>Il s&apos;exécute dans %1, dont l&apos;agent %2 l&apos;a lancé en tant que %3 : c&apos;est cet agent qui l&apos;appelle.</translation>
    </message>
    <message>
        <source>outside any unit</source>
        <translation>hors de toute unité</translation>
    </message>
    <message>
        <source>outside any system unit (in %1)</source>
        <translation>hors de toute unité système (dans %1)</translation>
    </message>
    <message>
        <source>It runs today as process %1 %2, started by hand or by a script: the plan starts its own copy and leaves that one running. Stop it before the apply, or two copies run and the second may not get its port.</source>
        <translation>Il s&apos;exécute aujourd&apos;hui comme processus %1 %2, lancé à la main ou par un script : le plan lance sa propre copie et laisse celle-ci tourner. Arrêtez-le avant l&apos;application, sinon deux copies tournent et la seconde risque de ne pas obtenir son port.</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Validate</name>
    <message>
        <source>%1 is not installed here: not checked</source>
        <translation>%1 n&apos;est pas installé ici : non vérifié</translation>
    </message>
    <message>
        <source>apparmor_parser: the profile could not be staged for checking</source>
        <translation>apparmor_parser : le profil n&apos;a pas pu être préparé pour la vérification</translation>
    </message>
    <message>
        <source>%1: OK</source>
        <translation>%1 : OK</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1 : échec</translation>
    </message>
    <message>
        <source>%1: failed with exit code %2</source>
        <translation>%1 : échec avec le code de sortie %2</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 n&apos;a pas pu être lancé : %2</translation>
    </message>
    <message>
        <source>%1 did not finish</source>
        <translation>%1 ne s&apos;est pas terminé</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1 : avertissement : %2</translation>
    </message>
    <message>
        <source>systemd-analyze security: no score (exit code %1)</source>
        <translation>systemd-analyze security : pas de score (code de sortie %1)</translation>
    </message>
    <message>
        <source>exposure %1 %2</source>
        <translation>exposition %1 %2</translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Verdict</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>it needs %1, and %2 only in some configurations</source>
        <translation>il a besoin de %1, et de %2 seulement dans certaines configurations</translation>
    </message>
    <message>
        <source>it needs %1</source>
        <translation>il a besoin de %1</translation>
    </message>
    <message>
        <source>it needs no capability, only %1 in some configurations</source>
        <translation>il n’a besoin d’aucune capacité, sauf de %1 dans certaines configurations</translation>
    </message>
    <message>
        <source>it needs no capability, only to run %1 as root</source>
        <translation>il n’a besoin d’aucune capacité, seulement d’exécuter %1 en root</translation>
    </message>
    <message>
        <source>the inspection found no capability it needs</source>
        <translation>l’inspection n’a trouvé aucune capacité dont il a besoin</translation>
    </message>
    <message>
        <source>Not running, and its file grants nothing: it runs as root only if you start it as root; %1</source>
        <translation>Ne s’exécute pas, et son fichier n’accorde rien : il ne s’exécute en root que si vous le lancez en root ; %1</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as %2, but the program is set-uid root and nothing in the unit stops it from becoming root; %3</source>
        <translation>Son unité %1 l’exécute en tant que %2, mais le programme est set-uid root et rien dans l’unité ne l’empêche de devenir root ; %3</translation>
    </message>
    <message>
        <source>Set-uid root: everyone who runs it runs it as root; %1</source>
        <translation>Set-uid root : quiconque l’exécute l’exécute en root ; %1</translation>
    </message>
    <message>
        <source>a dynamic user</source>
        <translation>un utilisateur dynamique</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>le groupe %1</translation>
    </message>
    <message>
        <source>Its file capabilities give everyone who runs it %1, which amounts to root; %2</source>
        <translation>Ses capacités de fichier donnent %1 à quiconque l’exécute, ce qui équivaut à root ; %2</translation>
    </message>
    <message>
        <source>Set-gid %1: everyone who runs it gets group %1, which amounts to root; %2</source>
        <translation>Set-gid %1 : quiconque l’exécute obtient le groupe %1, ce qui équivaut à root ; %2</translation>
    </message>
    <message>
        <source>Nothing to de-root: its file capabilities already give it only %1, not root; it needs root only if you run it as root</source>
        <translation>Rien à faire : ses capacités de fichier ne lui donnent déjà que %1, pas root ; il n’a besoin de root que si vous l’exécutez en root</translation>
    </message>
    <message>
        <source>Set-uid %1: everyone who runs it runs it as %1, not root; it needs root only if you run it as root</source>
        <translation>Set-uid %1 : quiconque l’exécute l’exécute en tant que %1, pas en root ; il n’a besoin de root que si vous l’exécutez en root</translation>
    </message>
    <message>
        <source>Set-gid %1: everyone who runs it gets group %1, not root; it needs root only if you run it as root</source>
        <translation>Set-gid %1 : quiconque l’exécute obtient le groupe %1, pas root ; il n’a besoin de root que si vous l’exécutez en root</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as %2, not root, but %3 amounts to root; %4</source>
        <translation>Son unité %1 l’exécute en tant que %2, pas en root, mais %3 équivaut à root ; %4</translation>
    </message>
    <message>
        <source>Runs as %1, not root, but %2 amounts to root; %3</source>
        <translation>S’exécute en tant que %1, pas en root, mais %2 équivaut à root ; %3</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as %2, not root, but also grants %3, which the evidence does not show it needs; %4</source>
        <translation>Son unité %1 l’exécute en tant que %2, pas en root, mais accorde aussi %3, dont rien ne montre qu’il a besoin ; %4</translation>
    </message>
    <message>
        <source>Runs as %1, not root, but also holds %2, which the evidence does not show it needs; %3</source>
        <translation>S’exécute en tant que %1, pas en root, mais détient aussi %2, dont rien ne montre qu’il a besoin ; %3</translation>
    </message>
    <message>
        <source>with all capabilities</source>
        <translation>avec toutes les capacités</translation>
    </message>
    <message>
        <source>with no capabilities</source>
        <translation>sans aucune capacité</translation>
    </message>
    <message>
        <source>with every capability but %1</source>
        <translation>avec toutes les capacités sauf %1</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
    <message>
        <source>with only %1</source>
        <translation>avec seulement %1</translation>
    </message>
    <message>
        <source>Its unit %1 starts it as root (&apos;+&apos; or &apos;!&apos; on ExecStart=) although User=%2, %3; %4</source>
        <translation>Son unité %1 le lance en root (« + » ou « ! » devant ExecStart=) bien que User=%2, %3 ; %4</translation>
    </message>
    <message>
        <source>Its unit %1 runs it as root %2; %3</source>
        <translation>Son unité %1 l’exécute en root %2 ; %3</translation>
    </message>
    <message>
        <source>Runs as root %1; %2</source>
        <translation>S’exécute en root %1 ; %2</translation>
    </message>
    <message>
        <source>Its unit %1 already runs it as %2 %3: nothing to de-root</source>
        <translation>Son unité %1 l’exécute déjà en tant que %2 %3 : rien à faire</translation>
    </message>
    <message>
        <source>Already runs as %1 %2: nothing to de-root</source>
        <translation>S’exécute déjà en tant que %1 %2 : rien à faire</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AddCapabilityDialog</name>
    <message>
        <source>Add capability</source>
        <translation>Ajouter une capacité</translation>
    </message>
    <message>
        <source>Find a capability by name or by what it allows</source>
        <translation>Chercher une capacité par son nom ou par ce qu’elle permet</translation>
    </message>
    <message>
        <source>Type to filter, e.g. net_bind or clock</source>
        <translation>Tapez pour filtrer, par exemple net_bind ou clock</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Capabilities to add; check one or more</source>
        <translation>Capacités à ajouter ; cochez-en une ou plusieurs</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Ce qu’elle permet</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AdjustPage</name>
    <message>
        <source>Root-equivalent</source>
        <translation>Équivaut à root</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Modéré</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Resource &amp;limits</source>
        <translation>Limites &amp;de ressources</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Paths it reads</source>
        <translation>Chemins qu&apos;il lit</translation>
    </message>
    <message>
        <source>Paths it writes</source>
        <translation>Chemins qu&apos;il écrit</translation>
    </message>
    <message>
        <source>Service user name</source>
        <translation>Nom de l&apos;utilisateur de service</translation>
    </message>
    <message>
        <source>The system user the agent runs as; created by the plan if it does not exist</source>
        <translation>L&apos;utilisateur système sous lequel l&apos;agent s&apos;exécute ; le plan le crée s&apos;il n&apos;existe pas</translation>
    </message>
    <message>
        <source>Capabilities the agent gets; check to grant</source>
        <translation>Capabilities accordées à l&apos;agent ; cocher pour accorder</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capability</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Ce qu&apos;elle permet</translation>
    </message>
    <message>
        <source>Commands the agent may run through sudo; check to allow</source>
        <translation>Commandes que l&apos;agent peut lancer via sudo ; cocher pour autoriser</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Ports it listens on</source>
        <translation>Ports sur lesquels il écoute</translation>
    </message>
    <message>
        <source> % of one CPU</source>
        <translation> % d&apos;un processeur</translation>
    </message>
    <message>
        <source>CPU quota</source>
        <translation>Quota CPU</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Limite de mémoire</translation>
    </message>
    <message>
        <source>Task limit</source>
        <translation>Limite de tâches</translation>
    </message>
    <message>
        <source>&amp;CPU:</source>
        <translation>&amp;CPU :</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Mémoire :</translation>
    </message>
    <message>
        <source>&amp;Tasks:</source>
        <translation>&amp;Tâches :</translation>
    </message>
    <message>
        <source>Service &amp;user:</source>
        <translation>&amp;Utilisateur de service :</translation>
    </message>
    <message>
        <source>&amp;Reads:</source>
        <translation>&amp;Lit :</translation>
    </message>
    <message>
        <source>&amp;Writes:</source>
        <translation>&amp;Écrit :</translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation>Po&amp;rts :</translation>
    </message>
    <message>
        <source>Commands through &amp;sudo:</source>
        <translation>Commandes via &amp;sudo :</translation>
    </message>
    <message>
        <source>This gives no valid plan: %1</source>
        <translation>Cela ne donne pas de plan valide : %1</translation>
    </message>
    <message>
        <source> (optional need)</source>
        <translation> (besoin facultatif)</translation>
    </message>
    <message>
        <source>(no arguments)</source>
        <translation>(aucun argument)</translation>
    </message>
    <message>
        <source>NOEXEC: it cannot start other programs</source>
        <translation>NOEXEC : ne peut lancer aucun autre programme</translation>
    </message>
    <message>
        <source>Gives a shell through sudo (%1): refused</source>
        <translation>Donne un shell via sudo (%1) : refusé</translation>
    </message>
    <message>
        <source>Device nodes it opens</source>
        <translation>Fichiers de périphérique qu&apos;il ouvre</translation>
    </message>
    <message>
        <source>Supplementary groups</source>
        <translation>Groupes supplémentaires</translation>
    </message>
    <message>
        <source>Groups the service user joins besides its own, comma-separated</source>
        <translation>Groupes que l&apos;utilisateur de service rejoint en plus du sien, séparés par des virgules</translation>
    </message>
    <message>
        <source>Container image</source>
        <translation>Image du conteneur</translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation>Périp&amp;hériques :</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Groupes :</translation>
    </message>
    <message>
        <source>Container &amp;image:</source>
        <translation>&amp;Image du conteneur :</translation>
    </message>
    <message>
        <source>Kept from your adjustments to the previous method: %1.</source>
        <translation>Repris de vos ajustements de la méthode précédente : %1.</translation>
    </message>
    <message>
        <source>Ports kept as they were: %1</source>
        <translation>Ports laissés tels quels : %1</translation>
    </message>
    <message>
        <source>Command line after the program</source>
        <translation>Ligne de commande après le programme</translation>
    </message>
    <message>
        <source>The arguments the agent runs with today, as a shell would split them; for a called program under sudo, the exact arguments the rule allows</source>
        <translation>Les arguments avec lesquels l&apos;agent tourne aujourd&apos;hui, découpés comme le ferait un shell ; pour un programme appelé via sudo, exactement les arguments que la règle autorise</translation>
    </message>
    <message>
        <source>Environment settings</source>
        <translation>Réglages d&apos;environnement</translation>
    </message>
    <message>
        <source>Environment files</source>
        <translation>Fichiers d&apos;environnement</translation>
    </message>
    <message>
        <source>&amp;Keep going: let it listen where its defaults say</source>
        <translation>&amp;Continuer : qu&apos;il écoute là où ses valeurs par défaut le disent</translation>
    </message>
    <message>
        <source>Keep going: let it listen where its defaults say</source>
        <translation>Continuer : qu&apos;il écoute là où ses valeurs par défaut le disent</translation>
    </message>
    <message>
        <source>C&amp;ommand line:</source>
        <translation>Ligne de c&amp;ommande :</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>En&amp;vironnement :</translation>
    </message>
    <message>
        <source>Environment &amp;files:</source>
        <translation>&amp;Fichiers d&apos;environnement :</translation>
    </message>
    <message>
        <source>Keep the address on the command line, or confirm that this is what you want.</source>
        <translation>Gardez l&apos;adresse sur la ligne de commande, ou confirmez que c&apos;est bien ce que vous voulez.</translation>
    </message>
    <message>
        <source>One absolute path a line, for example: /var/lib/agent</source>
        <translation>Un chemin absolu par ligne, par exemple : /var/lib/agent</translation>
    </message>
    <message>
        <source>Commands through sudo</source>
        <translation>Commandes via sudo</translation>
    </message>
    <message>
        <source>One device node a line, for example: /dev/ipmi0</source>
        <translation>Un fichier de périphérique par ligne, par exemple : /dev/ipmi0</translation>
    </message>
    <message>
        <source>&amp;Add capability…</source>
        <translation>A&amp;jouter une capacité…</translation>
    </message>
    <message>
        <source>Choose from every other capability, with its risk and what it allows</source>
        <translation>Choisir parmi toutes les autres capacités, avec leur risque et ce qu’elles permettent</translation>
    </message>
    <message>
        <source>for example: tcp/9100 udp/161</source>
        <translation>par exemple : tcp/9100 udp/161</translation>
    </message>
    <message>
        <source>for example: adm, systemd-journal</source>
        <translation>par exemple : adm, systemd-journal</translation>
    </message>
    <message>
        <source>for example: registry.example.org/agent:1.2</source>
        <translation>par exemple : registry.example.org/agent:1.2</translation>
    </message>
    <message>
        <source>for example: NAME=value NAME2=&apos;with spaces&apos;</source>
        <translation>par exemple : NOM=valeur NOM2=&apos;avec des espaces&apos;</translation>
    </message>
    <message>
        <source>for example: /etc/default/agent, -/etc/agent.env</source>
        <translation>par exemple : /etc/default/agent, -/etc/agent.env</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Files &amp;&amp; devices</source>
        <translation>Fichiers &amp;&amp; périphériques</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <source>A program another agent calls runs as its caller: it has no user, groups or environment of its own.</source>
        <translation>Un programme qu’un autre agent appelle s’exécute en tant que cet appelant : il n’a ni utilisateur, ni groupes, ni environnement à lui.</translation>
    </message>
    <message>
        <source>In the container it runs as an unprivileged user of the container, not as a user of this machine.</source>
        <translation>Dans le conteneur, il s’exécute en tant qu’utilisateur non privilégié du conteneur, pas en tant qu’utilisateur de cette machine.</translation>
    </message>
    <message>
        <source>Its caller gives the arguments at each call; only a sudo rule fixes them.</source>
        <translation>Son appelant donne les arguments à chaque appel ; seule une règle sudo les fixe.</translation>
    </message>
    <message>
        <source>The container publishes these ports.</source>
        <translation>Le conteneur publie ces ports.</translation>
    </message>
    <message>
        <source>The unit keeps the network open for these ports, and “Prove it” checks that the agent listens on them. systemd does not hold it to them.</source>
        <translation>L’unité garde le réseau ouvert pour ces ports, et « Éprouver » vérifie que l’agent y écoute. systemd ne l’y restreint pas.</translation>
    </message>
    <message>
        <source>The sudo method gives the agent itself no capability: only the commands below run as root.</source>
        <translation>La méthode sudo ne donne aucune capacité à l’agent lui-même : seules les commandes ci-dessous s’exécutent en root.</translation>
    </message>
    <message>
        <source>The image the container runs. Filled in from the agent&apos;s catalog entry when its upstream publishes one; pin the digest you reviewed (name@sha256:...).</source>
        <translation>L&apos;image que le conteneur exécute. Reprise de l&apos;entrée du catalogue de l&apos;agent quand son projet amont en publie une ; fixez l&apos;empreinte que vous avez vérifiée (nom@sha256:...).</translation>
    </message>
    <message>
        <source>Give the image the container runs (registry/name:tag): the catalog names none for this agent.</source>
        <translation>Indiquez l&apos;image que le conteneur exécute (registre/nom:étiquette) : le catalogue n&apos;en nomme aucune pour cet agent.</translation>
    </message>
    <message>
        <source>Capab&amp;ilities granted and suggested (a red shield marks the root-equivalent ones):</source>
        <translation>Capac&amp;ités accordées et suggérées (un bouclier rouge marque celles qui équivalent à root) :</translation>
    </message>
    <message>
        <source>Limits keep an agent caught in a runaway loop from taking the whole machine down with it.</source>
        <translation>Les limites empêchent un agent pris dans une boucle emballée d&apos;entraîner toute la machine avec lui.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AgentPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Inspecter</translation>
    </message>
    <message>
        <source>Running processes</source>
        <translation>Processus en cours</translation>
    </message>
    <message>
        <source>Systemd services</source>
        <translation>Services systemd</translation>
    </message>
    <message>
        <source>C&amp;ancel inspection</source>
        <translation>&amp;Annuler l&apos;inspection</translation>
    </message>
    <message>
        <source>Choose the agent</source>
        <translation>Choisir l&apos;agent</translation>
    </message>
    <message>
        <source>Deroot inspects the program to find what it really needs that an ordinary user lacks. Type or browse to its program file, drop the file here, or pick a running process or a service.</source>
        <translation>Deroot inspecte le programme pour trouver ce dont il a vraiment besoin et qu&apos;un utilisateur ordinaire n&apos;a pas. Saisissez ou choisissez son fichier programme, déposez le fichier ici, ou choisissez un processus en cours ou un service.</translation>
    </message>
    <message>
        <source>&amp;Program file:</source>
        <translation>&amp;Fichier programme :</translation>
    </message>
    <message>
        <source>Program file</source>
        <translation>Fichier programme</translation>
    </message>
    <message>
        <source>/usr/bin/fping</source>
        <translation>/usr/bin/fping</translation>
    </message>
    <message>
        <source>Filter the processes</source>
        <translation>Filtrer les processus</translation>
    </message>
    <message>
        <source>Filter by name, user, unit or program</source>
        <translation>Filtrer par nom, utilisateur, unité ou programme</translation>
    </message>
    <message>
        <source>Processes marked with the red shield run as root.</source>
        <translation>Les processus marqués du bouclier rouge s&apos;exécutent en root.</translation>
    </message>
    <message>
        <source>Filter the services</source>
        <translation>Filtrer les services</translation>
    </message>
    <message>
        <source>Filter by unit or description</source>
        <translation>Filtrer par unité ou description</translation>
    </message>
    <message>
        <source>Recent agents</source>
        <translation>Agents récents</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>Ser&amp;vices</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Récents</translation>
    </message>
    <message>
        <source>Inspection in progress</source>
        <translation>Inspection en cours</translation>
    </message>
    <message>
        <source>Drop a program file here, or choose one.</source>
        <translation>Déposez un fichier programme ici, ou choisissez-en un.</translation>
    </message>
    <message>
        <source>Choose the agent&apos;s program</source>
        <translation>Choisir le programme de l&apos;agent</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>Inspection de %1…</translation>
    </message>
    <message>
        <source>Inspected %1. Continue with Next.</source>
        <translation>Inspection de %1 terminée. Continuez avec Suivant.</translation>
    </message>
    <message>
        <source>%1 cannot be inspected: %2</source>
        <translation>Impossible d&apos;inspecter %1 : %2</translation>
    </message>
    <message>
        <source>Inspection cancelled.</source>
        <translation>Inspection annulée.</translation>
    </message>
    <message>
        <source>Only local files can be inspected: drop the agent&apos;s program file.</source>
        <translation>Seuls les fichiers locaux peuvent être inspectés : déposez le fichier programme de l&apos;agent.</translation>
    </message>
    <message numerus="yes">
        <source>%n files were dropped: drop one agent&apos;s program file at a time.</source>
        <translation>
            <numerusform>%n fichier a été déposé : déposez le fichier programme d&apos;un seul agent à la fois.</numerusform>
            <numerusform>%n fichiers ont été déposés : déposez le fichier programme d&apos;un seul agent à la fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a folder: drop the agent&apos;s program file, not its folder.</source>
        <translation>%1 est un dossier : déposez le fichier programme de l&apos;agent, pas son dossier.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Runs as root</source>
        <translation>S&apos;exécute en root</translation>
    </message>
    <message>
        <source>%1, runs as root</source>
        <translation>%1, s&apos;exécute en root</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>No agent inspected yet.</source>
        <translation>Aucun agent inspecté pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Running pro&amp;cesses</source>
        <translation>Processus en &amp;cours</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>List the running processes and the services again (F5). The lists also refresh by themselves every few seconds.</source>
        <translation>Lister à nouveau les processus en cours et les services (F5). Les listes s’actualisent aussi d’elles-mêmes toutes les quelques secondes.</translation>
    </message>
    <message>
        <source>Inspecting %1, the program %2 starts…</source>
        <translation>Inspection de %1, le programme que %2 démarre…</translation>
    </message>
    <message>
        <source>The services cannot be listed here: %1. Choose the program file or a running process instead.</source>
        <translation>Les services ne peuvent pas être listés ici : %1. Choisissez plutôt le fichier programme ou un processus en cours.</translation>
    </message>
    <message>
        <source>systemd is not running here, so these are the installed unit files. Choosing one inspects the program it starts.</source>
        <translation>systemd ne tourne pas ici : voici donc les fichiers d’unité installés. En choisir un inspecte le programme qu’il démarre.</translation>
    </message>
    <message>
        <source>From the fleet audit of host %1: Deroot inspects this machine&apos;s copy of %2, and the plan is for %1. Export it and apply it there; apply it here only if this machine runs the same agent.</source>
        <translation>D’après l’audit de flotte de l’hôte %1 : Deroot inspecte la copie de %2 sur cette machine, et le plan est pour %1. Exportez-le et appliquez-le là-bas ; ici seulement si cette machine exécute le même agent.</translation>
    </message>
    <message>
        <source>Masked: systemd refuses to start this service, so there is nothing to inspect.</source>
        <translation>Masqué : systemd refuse de démarrer ce service, il n&apos;y a donc rien à inspecter.</translation>
    </message>
    <message>
        <source>No unit file defines this service: another unit names it, but it is not installed. There is nothing to inspect.</source>
        <translation>Aucun fichier d&apos;unité ne définit ce service : une autre unité le nomme, mais il n&apos;est pas installé. Il n&apos;y a rien à inspecter.</translation>
    </message>
    <message>
        <source>Masked: cannot be started</source>
        <translation>Masqué : ne peut pas être démarré</translation>
    </message>
    <message>
        <source>Made by systemd at boot</source>
        <translation>Créé par systemd au démarrage du système</translation>
    </message>
    <message>
        <source>Not installed: no unit file</source>
        <translation>Non installé : aucun fichier d&apos;unité</translation>
    </message>
    <message>
        <source>Not loaded: its unit file has errors</source>
        <translation>Non chargé : son fichier d&apos;unité contient des erreurs</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours d&apos;exécution</translation>
    </message>
    <message>
        <source>Ran and finished</source>
        <translation>Exécuté et terminé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>En cours de démarrage</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>En cours d&apos;arrêt</translation>
    </message>
    <message>
        <source>Reloading</source>
        <translation>En cours de rechargement</translation>
    </message>
    <message>
        <source>Starts at boot</source>
        <translation>Lancé au démarrage du système</translation>
    </message>
    <message>
        <source>Not started at boot</source>
        <translation>Non lancé au démarrage du système</translation>
    </message>
    <message>
        <source>Started by other units</source>
        <translation>Lancé par d&apos;autres unités</translation>
    </message>
    <message>
        <source>Matching folders and programs</source>
        <translation>Dossiers et programmes correspondants</translation>
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
        <translation>Auditer cette &amp;machine…</translation>
    </message>
    <message>
        <source>List the agents that run as root here and the programs that hand out root; open any of them in the wizard</source>
        <translation>Lister les agents qui s&apos;exécutent ici en root et les programmes qui donnent les droits root ; ouvrir chacun d&apos;eux dans l&apos;assistant</translation>
    </message>
    <message>
        <source>Discard this plan?</source>
        <translation>Abandonner ce plan ?</translation>
    </message>
    <message>
        <source>The plan for %1 was neither exported nor applied. If you leave now, the inspection and your choices are lost.</source>
        <translation>Le plan pour %1 n&apos;a été ni exporté ni appliqué. Si vous quittez maintenant, l&apos;inspection et vos choix seront perdus.</translation>
    </message>
    <message>
        <source>%1 was inspected, but no plan was exported or applied. If you leave now, the inspection and your choices are lost.</source>
        <translation>L&apos;inspection de %1 est faite, mais aucun plan n&apos;a été exporté ni appliqué. Si vous quittez maintenant, l&apos;inspection et vos choix seront perdus.</translation>
    </message>
    <message>
        <source>&amp;Discard and leave</source>
        <translation>&amp;Abandonner et quitter</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Rester</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Étape %1 sur %2 : %3</translation>
    </message>
    <message>
        <source>What this step is for (F1)</source>
        <translation>À quoi sert cette étape (F1)</translation>
    </message>
    <message>
        <source>Pick the agent to run without root: its program file, a running process or a systemd service. Deroot reads the program (what it is built from, its file capabilities, its package) and, for a process or a service, how it runs now: its user, its capabilities, its open ports.</source>
        <translation>Choisissez l&apos;agent à faire tourner sans root : son fichier programme, un processus en cours ou un service systemd. Deroot lit le programme (de quoi il est fait, ses capacités de fichier, son paquet) et, pour un processus ou un service, comment il tourne aujourd&apos;hui : son utilisateur, ses capacités, ses ports ouverts.</translation>
    </message>
    <message>
        <source>What the agent needs that an ordinary user lacks, each with the evidence for it. “Watch it run” records what it really uses while it works, which is surer than reading the program.</source>
        <translation>Ce dont l&apos;agent a besoin et qui manque à un utilisateur ordinaire, chaque besoin avec sa preuve. « Observer en fonctionnement » enregistre ce qu&apos;il utilise vraiment pendant qu&apos;il travaille, ce qui est plus sûr que de lire le programme.</translation>
    </message>
    <message>
        <source>Where the agent runs and whose code it is. The answers decide which way of running it without root fits: a container suits an untrusted agent in a cluster, a hardened service a server.</source>
        <translation>Où l&apos;agent tourne et de qui vient son code. Les réponses décident quelle manière de le faire tourner sans root convient : un conteneur pour un agent non fiable dans un cluster, un service durci pour un serveur.</translation>
    </message>
    <message>
        <source>The three ways to run the agent without root, best first for this agent: a service user with narrow sudo rules, Linux capabilities with a hardened systemd unit, or a hardened container. Each reason says why it fits or does not.</source>
        <translation>Les trois manières de faire tourner l&apos;agent sans root, la meilleure pour cet agent d&apos;abord : un utilisateur de service avec des règles sudo étroites, des capacités Linux avec une unité systemd durcie, ou un conteneur durci. Chaque raison dit pourquoi elle convient ou non.</translation>
    </message>
    <message>
        <source>Fine-tune the plan: the user it runs as, its capabilities, the paths it reads and writes, its devices and its limits. Every change is checked at once.</source>
        <translation>Affiner le plan : l&apos;utilisateur sous lequel il tourne, ses capacités, les chemins qu&apos;il lit et écrit, ses périphériques et ses limites. Chaque changement est vérifié aussitôt.</translation>
    </message>
    <message>
        <source>Every file the plan would write, as it would be written, checked by the real validators (visudo, systemd-analyze, ...). Nothing on this machine has changed yet.</source>
        <translation>Chaque fichier que le plan écrirait, tel qu&apos;il serait écrit, vérifié par les vrais validateurs (visudo, systemd-analyze, …). Rien n&apos;a encore changé sur cette machine.</translation>
    </message>
    <message>
        <source>Export the plan&apos;s files, with APPLY.txt, the steps to apply them by hand or on another machine; or apply them here: Deroot asks for your password, applies every step or none, and can undo it.</source>
        <translation>Exporter les fichiers du plan, avec APPLY.txt, les étapes pour les appliquer à la main ou sur une autre machine ; ou les appliquer ici : Deroot demande votre mot de passe, applique toutes les étapes ou aucune, et peut l&apos;annuler.</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>Aide : %1</translation>
    </message>
    <message>
        <source>&amp;About Deroot</source>
        <translation>À &amp;propos de Deroot</translation>
    </message>
    <message>
        <source>About Deroot</source>
        <translation>À propos de Deroot</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Deroot %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Helps you run monitoring and infrastructure agents without root: it finds what an agent really needs, recommends a way to grant only that, and writes, checks, applies and undoes the plan.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Deroot %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Vous aide à faire tourner des agents de supervision et d&apos;infrastructure sans root : il trouve ce dont un agent a vraiment besoin, recommande une manière de n&apos;accorder que cela, puis écrit, vérifie, applique et annule le plan.&lt;/p&gt;&lt;p&gt;Logiciel libre sous la licence publique générale GNU, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Handbook</source>
        <translation>&amp;Manuel</translation>
    </message>
    <message>
        <source>The manual page deroot(1): every step, its choices and where the files go</source>
        <translation>La page de manuel deroot(1) : chaque étape, ses choix et où vont les fichiers</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>No program here shows manual pages on the desktop. The handbook is the manual page deroot(1): in a terminal, type: man deroot</source>
        <translation>Aucun programme n&apos;affiche ici les pages de manuel sur le bureau. Le manuel est la page deroot(1) : dans un terminal, tapez : man deroot</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ApplyController</name>
    <message>
        <source>This plan cannot be sent to the helper: %1</source>
        <translation>Ce plan ne peut pas être envoyé à l&apos;auxiliaire : %1</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper would refuse this plan, so it cannot be applied from here: %1</source>
        <translation>L&apos;auxiliaire de Deroot refuserait ce plan, il ne peut donc pas être appliqué d&apos;ici : %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ApplyPanel</name>
    <message>
        <source>A&amp;pply to this system…</source>
        <translation>Appl&amp;iquer à ce système…</translation>
    </message>
    <message>
        <source>A change that locks you out undoes itself: unless you keep it in time, the helper rolls it back.</source>
        <translation>Une modification qui vous enferme dehors s&apos;annule d&apos;elle-même : si vous ne la gardez pas à temps, l&apos;auxiliaire la défait.</translation>
    </message>
    <message>
        <source>Seconds to confirm</source>
        <translation>Secondes pour confirmer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Looking for Deroot&apos;s helper…</source>
        <translation>Recherche de l&apos;auxiliaire de Deroot…</translation>
    </message>
    <message>
        <source>Asking polkit whether you may apply this plan…</source>
        <translation>Demande à polkit si vous pouvez appliquer ce plan…</translation>
    </message>
    <message>
        <source>polkit allows you to apply this plan without a password.</source>
        <translation>polkit vous permet d&apos;appliquer ce plan sans mot de passe.</translation>
    </message>
    <message>
        <source>Applying asks for an administrator&apos;s password whatever polkit rules allow: this plan grants root-equivalent privileges. The prompt names them and the plan&apos;s SHA-256.</source>
        <translation>L&apos;application demande le mot de passe d&apos;un administrateur, quoi que permettent les règles polkit : ce plan accorde des privilèges équivalents à root. La demande les nomme, ainsi que le SHA-256 du plan.</translation>
    </message>
    <message>
        <source>Applying asks for an administrator&apos;s password: the prompt names the plan&apos;s SHA-256.</source>
        <translation>L&apos;application demande le mot de passe d&apos;un administrateur : la demande nomme le SHA-256 du plan.</translation>
    </message>
    <message>
        <source>polkit would let this plan through without an administrator&apos;s password (a rule or a kept authorization for %1), and the helper refuses that: this plan needs a password typed for it. Ask an administrator to apply it, or to limit that polkit rule.</source>
        <translation>polkit laisserait passer ce plan sans le mot de passe d&apos;un administrateur (une règle ou une autorisation conservée pour %1), ce que l&apos;auxiliaire refuse : ce plan exige un mot de passe saisi pour lui. Demandez à un administrateur de l&apos;appliquer, ou de restreindre cette règle polkit.</translation>
    </message>
    <message>
        <source>This plan is applied (apply id %1): undo it first to apply it again.</source>
        <translation>Ce plan est appliqué (identifiant de l&apos;application %1) : annulez-le d&apos;abord pour l&apos;appliquer à nouveau.</translation>
    </message>
    <message>
        <source>Deroot cannot ask polkit whether you may apply this plan: %1. Reinstall Deroot to apply here; until then, export the plan and apply it by hand.</source>
        <translation>Deroot ne peut pas demander à polkit si vous pouvez appliquer ce plan : %1. Réinstallez Deroot pour appliquer ici ; d&apos;ici là, exportez le plan et appliquez-le à la main.</translation>
    </message>
    <message>
        <source>Roll back unless I confirm the change &amp;within the time limit</source>
        <translation>A&amp;nnuler sauf si je confirme le changement dans le délai</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Délai :</translation>
    </message>
    <message>
        <source>Deroot&apos;s privileged helper is not installed on this system, so the desktop cannot apply the plan. Export it, then apply the exported folder where the helper is installed: its APPLY.txt lists the steps.</source>
        <translation>L&apos;auxiliaire privilégié de Deroot n&apos;est pas installé sur ce système : le bureau ne peut donc pas appliquer le plan. Exportez-le, puis appliquez le dossier exporté là où l&apos;auxiliaire est installé : son APPLY.txt liste les étapes.</translation>
    </message>
    <message>
        <source>polkit does not allow you to apply this plan (%1). An administrator can allow it with a polkit rule; until then, export it and have the exported folder applied (its APPLY.txt lists the steps).</source>
        <translation>polkit ne vous permet pas d&apos;appliquer ce plan (%1). Un administrateur peut l&apos;autoriser par une règle polkit ; d&apos;ici là, exportez-le et faites appliquer le dossier exporté (son APPLY.txt liste les étapes).</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ArtifactView</name>
    <message>
        <source>Generated file</source>
        <translation>Fichier généré</translation>
    </message>
    <message>
        <source>Changes against the file on disk</source>
        <translation>Modifications par rapport au fichier sur le disque</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Généré</translation>
    </message>
    <message>
        <source>Changes on disk</source>
        <translation>Modifications sur le disque</translation>
    </message>
    <message>
        <source>Command run by the apply step: %1</source>
        <translation>Commande lancée par l&apos;étape d&apos;application : %1</translation>
    </message>
    <message>
        <source>%1 (%2:%3, mode %4)</source>
        <translation>%1 (%2:%3, mode %4)</translation>
    </message>
    <message>
        <source>No validator checks this file.</source>
        <translation>Aucun validateur ne vérifie ce fichier.</translation>
    </message>
    <message>
        <source>Checking with %1…</source>
        <translation>Vérification avec %1…</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Non vérifié : %1</translation>
    </message>
    <message>
        <source>The file on disk is identical.</source>
        <translation>Le fichier sur le disque est identique.</translation>
    </message>
    <message>
        <source>Shown without syntax highlighting: %1. Reinstall Deroot to get it back.</source>
        <translation>Affiché sans coloration syntaxique : %1. Réinstallez Deroot pour la retrouver.</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Save this file on its own, exactly as an export holds it</source>
        <translation>Enregistrer ce fichier seul, exactement comme un export le contient</translation>
    </message>
    <message>
        <source>Save %1 as</source>
        <translation>Enregistrer %1 sous</translation>
    </message>
    <message>
        <source>Nothing was written: %1 is a folder.</source>
        <translation>Rien n&apos;a été écrit : %1 est un dossier.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with %2?</source>
        <translation>%1 existe déjà. Le remplacer par %2 ?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <source>Nothing was written: %1 was kept.</source>
        <translation>Rien n&apos;a été écrit : %1 reste tel quel.</translation>
    </message>
    <message>
        <source>Nothing was written to %1: %2</source>
        <translation>Rien n&apos;a été écrit dans %1 : %2</translation>
    </message>
    <message>
        <source>Saved %1 as %2.</source>
        <translation>%1 enregistré sous %2.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AuditView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Open in the wizard</source>
        <translation>&amp;Ouvrir dans l&apos;assistant</translation>
    </message>
    <message>
        <source>Audit of this machine — Deroot</source>
        <translation>Audit de cette machine — Deroot</translation>
    </message>
    <message>
        <source>Agents running as root and programs that hand out privileges</source>
        <translation>Agents qui s&apos;exécutent en root et programmes qui donnent des privilèges</translation>
    </message>
    <message>
        <source>Agent or file</source>
        <translation>Agent ou fichier</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Auditing the processes and the program folders…</source>
        <translation>Audit des processus et des dossiers de programmes…</translation>
    </message>
    <message>
        <source>The audit failed: %1</source>
        <translation>L&apos;audit a échoué : %1</translation>
    </message>
    <message>
        <source>Agents running as root or with capabilities</source>
        <translation>Agents qui s&apos;exécutent en root ou avec des capabilities</translation>
    </message>
    <message numerus="yes">
        <source>%n capabilities</source>
        <translation>
            <numerusform>%n capability</numerusform>
            <numerusform>%n capabilities</numerusform>
        </translation>
    </message>
    <message>
        <source>Programs that hand out privileges (set-uid, set-gid, capabilities)</source>
        <translation>Programmes qui donnent des privilèges (set-uid, set-gid, capabilities)</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) examined.</source>
        <translation>
            <numerusform>%n processus examiné.</numerusform>
            <numerusform>%n processus examinés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) run as root.</source>
        <translation>
            <numerusform>%n agent s&apos;exécute en root.</numerusform>
            <numerusform>%n agents s&apos;exécutent en root.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n program(s) hand out privileges.</source>
        <translation>
            <numerusform>%n programme donne des privilèges.</numerusform>
            <numerusform>%n programmes donnent des privilèges.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a row to de-root it.</source>
        <translation>Ouvrez une ligne pour lui retirer root.</translation>
    </message>
    <message>
        <source>Open &amp;fleet folder…</source>
        <translation>Ouvrir un dossier de &amp;flotte…</translation>
    </message>
    <message>
        <source>Audit this &amp;machine</source>
        <translation>Auditer cette &amp;machine</translation>
    </message>
    <message>
        <source>Show the audits the fleet playbook fetched from many hosts, one file per host</source>
        <translation>Afficher les audits que le playbook de flotte a rapportés de nombreux hôtes, un fichier par hôte</translation>
    </message>
    <message>
        <source>Open the fleet folder</source>
        <translation>Ouvrir le dossier de flotte</translation>
    </message>
    <message>
        <source>Reading the hosts&apos; audits in %1…</source>
        <translation>Lecture des audits des hôtes dans %1…</translation>
    </message>
    <message>
        <source>Fleet audit: %1 — Deroot</source>
        <translation>Audit de flotte : %1 — Deroot</translation>
    </message>
    <message>
        <source>The fleet folder cannot be shown: %1</source>
        <translation>Le dossier de flotte ne peut pas être affiché : %1</translation>
    </message>
    <message>
        <source>%1 (real user %2)</source>
        <translation>%1 (utilisateur réel %2)</translation>
    </message>
    <message>
        <source>The service manager (PID 1) must run as root: it starts and stops every service. There is nothing to de-root.</source>
        <translation>Le gestionnaire de services (PID 1) doit tourner en root : il démarre et arrête chaque service. Il n’y a rien à qui retirer root.</translation>
    </message>
    <message>
        <source>%1 is part of systemd: privileged by design and sandboxed by its unit. There is nothing to de-root.</source>
        <translation>%1 fait partie de systemd : privilégié par conception et isolé par son unité. Il n’y a rien à qui retirer root.</translation>
    </message>
    <message>
        <source>%1 is a user&apos;s service manager: it starts that user&apos;s own services. There is nothing to de-root.</source>
        <translation>%1 est le gestionnaire de services d’un utilisateur : il démarre les services de cet utilisateur. Il n’y a rien à qui retirer root.</translation>
    </message>
    <message>
        <source>%1 is a standard set-uid or set-gid program: it needs its privilege to do its job, so a plan cannot take it away. Deroot does not open it.</source>
        <translation>%1 est un programme set-uid ou set-gid standard : il a besoin de ce privilège pour faire son travail, un plan ne peut donc pas le lui retirer. Deroot ne l’ouvre pas.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Name, path, unit, user or PID</source>
        <translation>Nom, chemin, unité, utilisateur ou PID</translation>
    </message>
    <message>
        <source>Filter the rows</source>
        <translation>Filtrer les lignes</translation>
    </message>
    <message>
        <source>Fil&amp;ter:</source>
        <translation>Fil&amp;tre :</translation>
    </message>
    <message>
        <source>Save this audit as JSON (as derootctl audit --json writes it) or as CSV</source>
        <translation>Enregistrer cet audit en JSON (comme l’écrit derootctl audit --json) ou en CSV</translation>
    </message>
    <message>
        <source>Export the audit</source>
        <translation>Exporter l’audit</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Open %1 in the wizard</source>
        <translation>Ouvrir %1 dans l’assistant</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>The service manager, systemd&apos;s own units and users&apos; managers</source>
        <translation>Le gestionnaire de services, les unités de systemd et les gestionnaires des utilisateurs</translation>
    </message>
    <message>
        <source>They run as root by design and are sandboxed by their units: nothing to change, and nothing Deroot can de-root.</source>
        <translation>Ils tournent en root par conception et sont isolés par leurs unités : rien à changer, et rien à qui Deroot pourrait retirer root.</translation>
    </message>
    <message>
        <source>Standard set-uid and set-gid programs</source>
        <translation>Programmes set-uid et set-gid standard</translation>
    </message>
    <message>
        <source>Their job needs root or their group: passwd and chsh change /etc/shadow and /etc/passwd, su and sudo switch users, mount mounts what fstab lets users mount. Leave them as their packages set them; remove the package of one this machine does not need.</source>
        <translation>Leur travail exige root ou leur groupe : passwd et chsh modifient /etc/shadow et /etc/passwd, su et sudo changent d’utilisateur, mount monte ce que fstab permet aux utilisateurs de monter. Laissez-les tels que leurs paquets les installent ; supprimez le paquet de celui dont cette machine n’a pas besoin.</translation>
    </message>
    <message numerus="yes">
        <source>%n processes</source>
        <translation>
            <numerusform>%n processus</numerusform>
            <numerusform>%n processus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Privileged by design, nothing to change (%n)</source>
        <translation>
            <numerusform>Privilégié par conception, rien à changer (%n)</numerusform>
            <numerusform>Privilégiés par conception, rien à changer (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no audit of this machine to export yet.</source>
        <translation>Il n’y a pas encore d’audit de cette machine à exporter.</translation>
    </message>
    <message>
        <source>The audit was not exported: %1 cannot be written: %2</source>
        <translation>L’audit n’a pas été exporté : impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The audit was exported as CSV to %1.</source>
        <translation>L’audit a été exporté en CSV vers %1.</translation>
    </message>
    <message>
        <source>The audit was exported as JSON to %1.</source>
        <translation>L’audit a été exporté en JSON vers %1.</translation>
    </message>
    <message>
        <source>Show only the rows that match (Ctrl+F)</source>
        <translation>N’afficher que les lignes correspondantes (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::DriftPanel</name>
    <message>
        <source>Check &amp;drift</source>
        <translation>Vérifier la &amp;dérive</translation>
    </message>
    <message>
        <source>&lt;b&gt;Applied plans&lt;/b&gt;: do they still hold after upgrades and edits?</source>
        <translation>&lt;b&gt;Plans appliqués&lt;/b&gt; : tiennent-ils encore après les mises à jour et les modifications ?</translation>
    </message>
    <message>
        <source>Applied plans and whether they still hold</source>
        <translation>Plans appliqués et s&apos;ils tiennent encore</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>Ce qui diffère</translation>
    </message>
    <message>
        <source>Comparing the applied plans with the system…</source>
        <translation>Comparaison des plans appliqués avec le système…</translation>
    </message>
    <message>
        <source>The helper&apos;s history cannot be read: %1</source>
        <translation>L&apos;historique de l&apos;auxiliaire ne peut pas être lu : %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>drifted</source>
        <translation>dérivé</translation>
    </message>
    <message>
        <source>No plan applied yet.</source>
        <translation>Aucun plan appliqué pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Every applied plan holds.</source>
        <translation>Chaque plan appliqué tient.</translation>
    </message>
    <message>
        <source>&amp;Put back…</source>
        <translation>Re&amp;mettre…</translation>
    </message>
    <message>
        <source>Have the helper write again what the selected apply wrote, create its user again and set its capabilities again, where they drifted, after the same checks as an apply. It asks for an administrator&apos;s password.</source>
        <translation>Fait réécrire par l&apos;auxiliaire ce que l&apos;application choisie a écrit, recréer son utilisateur et reposer ses capacités, là où ils ont dérivé, après les mêmes vérifications qu&apos;une application. Le mot de passe d&apos;un administrateur est demandé.</translation>
    </message>
    <message numerus="yes">
        <source>%n applied plan(s) drifted. Select one and press Put back to have the helper write again what it wrote and set; what is not the apply&apos;s (another tool&apos;s drop-in, a changed program) needs a rollback and a new plan.</source>
        <translation>
            <numerusform>%n plan appliqué a dérivé. Choisissez-le et appuyez sur Remettre pour que l&apos;auxiliaire réécrive et repose ce qu&apos;il a écrit et posé ; ce qui n&apos;appartient pas à l&apos;application (le drop-in d&apos;un autre outil, un programme modifié) demande une annulation et un nouveau plan.</numerusform>
            <numerusform>%n plans appliqués ont dérivé. Choisissez-en un et appuyez sur Remettre pour que l&apos;auxiliaire réécrive et repose ce qu&apos;il a écrit et posé ; ce qui n&apos;appartient pas à l&apos;application (le drop-in d&apos;un autre outil, un programme modifié) demande une annulation et un nouveau plan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the helper to put back what drifted of %1…</source>
        <translation>Demande à l&apos;auxiliaire de remettre ce qui a dérivé de %1…</translation>
    </message>
    <message>
        <source>Nothing was put back: %1.</source>
        <translation>Rien n&apos;a été remis : %1.</translation>
    </message>
    <message numerus="yes">
        <source>Put back: %n item(s).</source>
        <translation>
            <numerusform>Remis : %n élément.</numerusform>
            <numerusform>Remis : %n éléments.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not put back: %1.</source>
        <translation>Non remis : %1.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::EnvironmentPage</name>
    <message>
        <source>Where it runs</source>
        <translation>Où il s&apos;exécute</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>A &amp;server or VM, where the agent runs as a service</source>
        <translation>Un ser&amp;veur ou une VM, où l&apos;agent tourne comme service</translation>
    </message>
    <message>
        <source>A &amp;container host or Kubernetes</source>
        <translation>Un hôte de &amp;conteneurs ou Kubernetes</translation>
    </message>
    <message>
        <source>A &amp;legacy system whose way of starting the agent cannot change</source>
        <translation>Un sys&amp;tème ancien dont la façon de lancer l&apos;agent ne peut pas changer</translation>
    </message>
    <message>
        <source>Containers fit where containers already run; a legacy system is left with sudo rules, which need no change to how the agent starts.</source>
        <translation>Les conteneurs conviennent là où des conteneurs tournent déjà ; à un système ancien restent les règles sudo, qui ne changent rien à la façon dont l&apos;agent démarre.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>From a &amp;vendor or the distribution</source>
        <translation>D&apos;un &amp;éditeur ou de la distribution</translation>
    </message>
    <message>
        <source>&amp;Untrusted or third-party</source>
        <translation>Non &amp;fiable ou tiers</translation>
    </message>
    <message>
        <source>The less you trust the agent&apos;s code, the more it should be isolated: an untrusted agent belongs in a container.</source>
        <translation>Moins vous faites confiance au code de l&apos;agent, plus il doit être isolé : un agent non fiable a sa place dans un conteneur.</translation>
    </message>
    <message>
        <source>Service manager</source>
        <translation>Gestionnaire de services</translation>
    </message>
    <message>
        <source>It runs under systemd</source>
        <translation>Il s&apos;exécute sous systemd</translation>
    </message>
    <message>
        <source>systemd can hand the agent exactly its capabilities and sandbox it. Without it, capabilities must be set on the file itself.</source>
        <translation>systemd peut donner à l&apos;agent exactement ses capabilities et l&apos;isoler dans un bac à sable. Sans lui, les capabilities doivent être posées sur le fichier lui-même.</translation>
    </message>
    <message>
        <source>How it is started</source>
        <translation>Comment il est lancé</translation>
    </message>
    <message>
        <source>As a se&amp;rvice that keeps running</source>
        <translation>Comme se&amp;rvice qui tourne en permanence</translation>
    </message>
    <message>
        <source>On a sche&amp;dule, running to completion each time</source>
        <translation>Selon un ca&amp;lendrier, jusqu&apos;au bout à chaque fois</translation>
    </message>
    <message>
        <source>Called by another &amp;agent, such as a monitoring agent</source>
        <translation>Appelé par un a&amp;utre agent, comme un agent de supervision</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>hourly, daily or *-*-* 03:00:00</source>
        <translation>hourly, daily ou *-*-* 03:00:00</translation>
    </message>
    <message>
        <source>User of the calling agent</source>
        <translation>Utilisateur de l&apos;agent appelant</translation>
    </message>
    <message>
        <source>zabbix, nagios, telegraf</source>
        <translation>zabbix, nagios, telegraf</translation>
    </message>
    <message>
        <source>The sudo method writes its rule for this user</source>
        <translation>La méthode sudo écrit sa règle pour cet utilisateur</translation>
    </message>
    <message>
        <source>Ti&amp;mer:</source>
        <translation>Mi&amp;nuteur :</translation>
    </message>
    <message>
        <source>Calling us&amp;er:</source>
        <translation>Utilisat&amp;eur appelant :</translation>
    </message>
    <message>
        <source>Deroot could not tell how it is started.</source>
        <translation>Deroot n&apos;a pas pu savoir comment il est lancé.</translation>
    </message>
    <message>
        <source>What Deroot found: %1</source>
        <translation>Ce que Deroot a trouvé : %1</translation>
    </message>
    <message>
        <source>Replace %1 with a ne&amp;w unit of Deroot&apos;s own (by default a drop-in hardens it)</source>
        <translation>Re&amp;mplacer %1 par une nouvelle unité propre à Deroot (sinon un drop-in la durcit)</translation>
    </message>
    <message>
        <source>It runs under s&amp;ystemd (or can be made to)</source>
        <translation>Il s&apos;exécute sous s&amp;ystemd (ou peut l&apos;être)</translation>
    </message>
    <message>
        <source>Built &amp;in house</source>
        <translation>Développé en &amp;interne</translation>
    </message>
    <message>
        <source>Three answers decide which method fits: sudo rules, capabilities or a container. Deroot cannot see them from the program.</source>
        <translation>Trois réponses décident quelle méthode convient : des règles sudo, des capacités ou un conteneur. Deroot ne peut pas les voir dans le programme.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ExportPanel</name>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Replace an e&amp;xisting folder or archive as a whole</source>
        <translation>Re&amp;mplacer entièrement un dossier ou une archive existants</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Exporter en tant que</translation>
    </message>
    <message>
        <source>A folder</source>
        <translation>Un dossier</translation>
    </message>
    <message>
        <source>A .tar.gz archive</source>
        <translation>Une archive .tar.gz</translation>
    </message>
    <message>
        <source>Export destination</source>
        <translation>Destination de l&apos;export</translation>
    </message>
    <message>
        <source>File to copy</source>
        <translation>Fichier à copier</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;As:</source>
        <translation>&amp;En tant que :</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination :</translation>
    </message>
    <message>
        <source>Copy one file</source>
        <translation>Copier un fichier</translation>
    </message>
    <message>
        <source>Nothing was written. %1</source>
        <translation>Rien n&apos;a été écrit. %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1: %2</source>
        <translation>
            <numerusform>%n fichier écrit dans %1 : %2</numerusform>
            <numerusform>%n fichiers écrits dans %1 : %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the plan as</source>
        <translation>Exporter le plan en tant que</translation>
    </message>
    <message>
        <source>Archives (*.tar.gz)</source>
        <translation>Archives (*.tar.gz)</translation>
    </message>
    <message>
        <source>Export the plan into the folder</source>
        <translation>Exporter le plan dans le dossier</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>An Ansible role (a folder)</source>
        <translation>Un rôle Ansible (un dossier)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote an Ansible role of %n file(s) to %1; its README.md says how to run it.</source>
        <translation>
            <numerusform>Rôle Ansible de %n fichier écrit dans %1 ; son README.md explique comment l’exécuter.</numerusform>
            <numerusform>Rôle Ansible de %n fichiers écrit dans %1 ; son README.md explique comment l’exécuter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::FinishPage</name>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>There is no valid plan to export.</source>
        <translation>Il n&apos;y a pas de plan valide à exporter.</translation>
    </message>
    <message>
        <source>Waiting for the validators.</source>
        <translation>En attente des validateurs.</translation>
    </message>
    <message>
        <source>A file fails its validator: see the preview.</source>
        <translation>Un fichier échoue à son validateur : voir l&apos;aperçu.</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper is still at work: wait for its outcome before you leave.</source>
        <translation>L&apos;auxiliaire de Deroot travaille encore : attendez son résultat avant de partir.</translation>
    </message>
    <message>
        <source>The apply waits for your confirmation: keep the changes or undo them before you leave.</source>
        <translation>L&apos;application attend votre confirmation : gardez les modifications ou annulez-les avant de partir.</translation>
    </message>
    <message>
        <source>Nothing was applied. %1</source>
        <translation>Rien n&apos;a été appliqué. %1</translation>
    </message>
    <message>
        <source>Nothing was applied: the helper would refuse this plan (%1).</source>
        <translation>Rien n&apos;a été appliqué : l&apos;auxiliaire refuserait ce plan (%1).</translation>
    </message>
    <message>
        <source>Apply the plan for %1 (%2) to this system?</source>
        <translation>Appliquer le plan de %1 (%2) à ce système ?</translation>
    </message>
    <message>
        <source>It changes: %1.</source>
        <translation>Il modifie : %1.</translation>
    </message>
    <message>
        <source>nothing the helper applies (export only)</source>
        <translation>rien que l&apos;auxiliaire applique (export seulement)</translation>
    </message>
    <message>
        <source>Plan SHA-256: %1
The authentication prompt must name this same hash.</source>
        <translation>SHA-256 du plan : %1
La demande d&apos;authentification doit nommer ce même hachage.</translation>
    </message>
    <message>
        <source>Apply to this system</source>
        <translation>Appliquer à ce système</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Applying… Answer the authentication prompt if one appears; it must name SHA-256 %1.</source>
        <translation>Application en cours… Répondez à la demande d&apos;authentification si elle apparaît ; elle doit nommer le SHA-256 %1.</translation>
    </message>
    <message numerus="yes">
        <source>The plan for %1 has %n file(s).</source>
        <translation>
            <numerusform>Le plan pour %1 compte %n fichier.</numerusform>
            <numerusform>Le plan pour %1 compte %n fichiers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Prove</source>
        <translation>Éprouver</translation>
    </message>
    <message>
        <source>Before you apply it, run the agent as the plan says, on temporary units, once without each capability: see that it works and which capabilities it really needs. Nothing of the system changes.</source>
        <translation>Avant de l’appliquer, faites tourner l’agent comme le plan le dit, sur des unités temporaires, une fois sans chaque capability : voyez qu’il fonctionne et de quelles capabilities il a vraiment besoin. Rien du système ne change.</translation>
    </message>
    <message>
        <source>Proving is not available for this plan: %1</source>
        <translation>L’épreuve n’est pas disponible pour ce plan : %1</translation>
    </message>
    <message>
        <source>Pro&amp;ve it…</source>
        <translation>Éprou&amp;ver…</translation>
    </message>
    <message>
        <source>Before you apply it, run the agent as the plan says, on temporary units, once without each capability: see that it works and which capabilities it really needs. The trials run a copy of %1 with the plan&apos;s drop-in, so %1 must be stopped meanwhile. Nothing of the system changes.</source>
        <translation>Avant de l&apos;appliquer, exécutez l&apos;agent comme le plan le prévoit, sur des unités temporaires, une fois sans chaque capacité : voyez s&apos;il fonctionne et de quelles capacités il a vraiment besoin. Les essais exécutent une copie de %1 avec le drop-in du plan, %1 doit donc être arrêtée pendant ce temps. Rien ne change sur le système.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::FleetRows</name>
    <message>
        <source>root-level</source>
        <translation>niveau root</translation>
    </message>
    <message>
        <source>elevated</source>
        <translation>élevé</translation>
    </message>
    <message>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minimal</translation>
    </message>
    <message>
        <source>Privilege</source>
        <translation>Privilège</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Agent or file</source>
        <translation>Agent ou fichier</translation>
    </message>
    <message>
        <source>Runs as / mode</source>
        <translation>S’exécute en tant que / mode</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message numerus="yes">
        <source>%n capabilities</source>
        <translation>
            <numerusform>%n capacité</numerusform>
            <numerusform>%n capacités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) merged.</source>
        <translation>
            <numerusform>%n hôte fusionné.</numerusform>
            <numerusform>%n hôtes fusionnés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), most privileged first.</source>
        <translation>
            <numerusform>%n ligne, les plus privilégiées d’abord.</numerusform>
            <numerusform>%n lignes, les plus privilégiées d’abord.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left out:</source>
        <translation>
            <numerusform>%n fichier écarté :</numerusform>
            <numerusform>%n fichiers écartés :</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a row to plan its agent in the wizard.</source>
        <translation>Ouvrez une ligne pour planifier son agent dans l’assistant.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::NeedsPage</name>
    <message>
        <source>Binary</source>
        <translation>Binaire</translation>
    </message>
    <message>
        <source>Program file</source>
        <translation>Fichier programme</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Network and kernel</source>
        <translation>Réseau et noyau</translation>
    </message>
    <message>
        <source>Running process</source>
        <translation>Processus en cours</translation>
    </message>
    <message>
        <source>Systemd unit</source>
        <translation>Unité systemd</translation>
    </message>
    <message>
        <source>Agent catalog</source>
        <translation>Catalogue d&apos;agents</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source> (only %1)</source>
        <translation> (seulement %1)</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (facultatif)</translation>
    </message>
    <message>
        <source>%1 — root-equivalent</source>
        <translation>%1 — équivaut à root</translation>
    </message>
    <message>
        <source>What it needs</source>
        <translation>Ce dont il a besoin</translation>
    </message>
    <message>
        <source>Findings and needs, with their evidence</source>
        <translation>Constats et besoins, avec leurs preuves</translation>
    </message>
    <message>
        <source>I have read the critical findings; I will fix them before applying the plan</source>
        <translation>J&apos;ai lu les constats critiques ; je les corrigerai avant d&apos;appliquer le plan</translation>
    </message>
    <message>
        <source>It matches no agent in Deroot&apos;s catalog: the needs below come from the program alone.</source>
        <translation>Il ne correspond à aucun agent du catalogue de Deroot : les besoins ci-dessous viennent du programme seul.</translation>
    </message>
    <message>
        <source>It matches %1 in Deroot&apos;s catalog.</source>
        <translation>Il correspond à %1 dans le catalogue de Deroot.</translation>
    </message>
    <message>
        <source>%1. %2 Expand a line to see the evidence.</source>
        <translation>%1. %2 Dépliez une ligne pour voir les preuves.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Nothing noteworthy.</source>
        <translation>Rien de notable.</translation>
    </message>
    <message>
        <source>Capabilities it needs</source>
        <translation>Capabilities dont il a besoin</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>listens on %1 port %2</source>
        <translation>écoute sur le port %1 %2</translation>
    </message>
    <message>
        <source>Address families</source>
        <translation>Familles d&apos;adresses</translation>
    </message>
    <message>
        <source>Privileged commands</source>
        <translation>Commandes privilégiées</translation>
    </message>
    <message>
        <source>Files it reads</source>
        <translation>Fichiers qu&apos;il lit</translation>
    </message>
    <message>
        <source>Files it writes</source>
        <translation>Fichiers qu&apos;il écrit</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Stop: %n critical finding(s).&lt;/b&gt; Until fixed, anyone who can change these files can become the agent, and so keep whatever privilege it gets: %1</source>
        <translation>
            <numerusform>&lt;b&gt;Stop : %n constat critique.&lt;/b&gt; Tant qu&apos;il n&apos;est pas corrigé, quiconque peut modifier ces fichiers peut devenir l&apos;agent, et garder ainsi tout privilège qu&apos;il reçoit : %1</numerusform>
            <numerusform>&lt;b&gt;Stop : %n constats critiques.&lt;/b&gt; Tant qu&apos;ils ne sont pas corrigés, quiconque peut modifier ces fichiers peut devenir l&apos;agent, et garder ainsi tout privilège qu&apos;il reçoit : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible needs</source>
        <translation>Besoins possibles</translation>
    </message>
    <message>
        <source>Measured on the running process: its user, groups and capability sets.</source>
        <translation>Mesuré sur le processus en cours : son utilisateur, ses groupes et ses ensembles de capacités.</translation>
    </message>
    <message>
        <source>Read from its systemd unit: User=, capability sets and sandbox. It is not running.</source>
        <translation>Lu dans son unité systemd : User=, ensembles de capacités et bac à sable. Il ne s’exécute pas.</translation>
    </message>
    <message>
        <source>Nothing runs it now: this is what the program file grants whoever runs it (set-user-ID, set-group-ID, file capabilities).</source>
        <translation>Rien ne l’exécute maintenant : voici ce que le fichier programme accorde à quiconque l’exécute (set-user-ID, set-group-ID, capacités de fichier).</translation>
    </message>
    <message>
        <source>Nothing runs it now and its file grants nothing: the case of running it as root.</source>
        <translation>Rien ne l’exécute maintenant et son fichier n’accorde rien : c’est le cas où on l’exécute en root.</translation>
    </message>
    <message>
        <source>&amp;Watch it run…</source>
        <translation>&amp;Observer en fonctionnement…</translation>
    </message>
    <message>
        <source>Run the agent for a while and watch what it really asks for, to add to what inspecting its files found</source>
        <translation>Faire tourner l’agent un moment et observer ce qu’il demande vraiment, en plus de ce que l’inspection de ses fichiers a trouvé</translation>
    </message>
    <message>
        <source>These needs come from the program&apos;s files, its unit and Deroot&apos;s catalog. Watching it run shows what it really asks for.</source>
        <translation>Ces besoins viennent des fichiers du programme, de son unité et du catalogue de Deroot. L’observer en fonctionnement montre ce qu’il demande vraiment.</translation>
    </message>
    <message>
        <source>program file</source>
        <translation>fichier programme</translation>
    </message>
    <message>
        <source>Go build info</source>
        <translation>infos de compilation Go</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>running process</source>
        <translation>processus en cours</translation>
    </message>
    <message>
        <source>systemd unit</source>
        <translation>unité systemd</translation>
    </message>
    <message>
        <source>Deroot&apos;s catalog</source>
        <translation>catalogue de Deroot</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>noyau</translation>
    </message>
    <message>
        <source>script</source>
        <translation>script</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>observé</translation>
    </message>
    <message>
        <source>Includes what watching it run found (marked &quot;%1&quot;).</source>
        <translation>Inclut ce que l’observation en fonctionnement a trouvé (marqué « %1 »).</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ObserveDialog</name>
    <message>
        <source>could not start %1: %2</source>
        <translation>impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>&amp;Start watching</source>
        <translation>&amp;Démarrer l’observation</translation>
    </message>
    <message>
        <source>&amp;Add to the needs</source>
        <translation>&amp;Ajouter aux besoins</translation>
    </message>
    <message>
        <source>Watch %1 run</source>
        <translation>Observer %1 en fonctionnement</translation>
    </message>
    <message>
        <source>Deroot starts %1 as the user below, without privileges, and watches what it asks the kernel for: capabilities, files it writes, ports, devices. What it is refused, it is given in the next round, up to %2 rounds. Watching it as root would hide the permission problems its service user will meet, so an unprivileged user is best.</source>
        <translation>Deroot lance %1 sous l’utilisateur ci-dessous, sans privilèges, et observe ce qu’il demande au noyau : capabilities, fichiers écrits, ports, périphériques. Ce qui lui est refusé, il le reçoit au tour suivant, jusqu’à %2 tours. L’observer en tant que root cacherait les problèmes de droits que rencontrera son utilisateur de service : un utilisateur non privilégié est préférable.</translation>
    </message>
    <message>
        <source>Deroot watches %1 from now on for the time below: what it asks the kernel for, files it writes, ports, devices. It is not restarted, so what it did when it started is not seen.</source>
        <translation>Deroot observe %1 à partir de maintenant pendant la durée ci-dessous : ce qu’il demande au noyau, fichiers écrits, ports, périphériques. Il n’est pas redémarré : ce qu’il a fait à son démarrage n’est pas vu.</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper does the watching: each round asks for an administrator&apos;s password.</source>
        <translation>L’auxiliaire privilégié de Deroot observe : chaque tour demande un mot de passe d’administrateur.</translation>
    </message>
    <message>
        <source>A short watch only shows what the agent did in that time: anything it does now and then (a reload, a rare check) may be missing.</source>
        <translation>Une observation courte ne montre que ce que l’agent a fait pendant ce temps : ce qu’il fait de temps en temps (un rechargement, une vérification rare) peut manquer.</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>A&amp;rguments:</source>
        <translation>A&amp;rguments :</translation>
    </message>
    <message>
        <source>Run it as user</source>
        <translation>Exécuter en tant qu’utilisateur</translation>
    </message>
    <message>
        <source>Run it as &amp;user:</source>
        <translation>Exécuter en tant qu’&amp;utilisateur :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Watch for, in seconds</source>
        <translation>Durée d’observation, en secondes</translation>
    </message>
    <message>
        <source>&amp;Watch for:</source>
        <translation>Observer &amp;pendant :</translation>
    </message>
    <message>
        <source>What watching it found</source>
        <translation>Ce que l’observation a trouvé</translation>
    </message>
    <message>
        <source>What the agent asks for appears here when the watch ends.</source>
        <translation>Ce que l’agent demande apparaît ici à la fin de l’observation.</translation>
    </message>
    <message>
        <source>Round %1: watching for %2 s…</source>
        <translation>Tour %1 : observation pendant %2 s…</translation>
    </message>
    <message>
        <source>Round %1: watching for %2 s, given %3…</source>
        <translation>Tour %1 : observation pendant %2 s, avec %3…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n capability(s) needed or used.</source>
        <translation>
            <numerusform>Terminé : %n capability nécessaire ou utilisée.</numerusform>
            <numerusform>Terminé : %n capabilities nécessaires ou utilisées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) to give the service user.</source>
        <translation>
            <numerusform>%n chemin à ouvrir à l’utilisateur de service.</numerusform>
            <numerusform>%n chemins à ouvrir à l’utilisateur de service.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;Add to the needs&quot; builds the plan from what inspection and watching found.</source>
        <translation>« Ajouter aux besoins » construit le plan à partir de ce que l’inspection et l’observation ont trouvé.</translation>
    </message>
    <message>
        <source>Watching did not work: %1</source>
        <translation>L’observation n’a pas fonctionné : %1</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::OutcomePanel</name>
    <message>
        <source>&amp;Keep the changes</source>
        <translation>&amp;Garder les modifications</translation>
    </message>
    <message>
        <source>Undo &amp;now</source>
        <translation>Annuler &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Undo this apply…</source>
        <translation>Ann&amp;uler cette application…</translation>
    </message>
    <message>
        <source>Apply steps</source>
        <translation>Étapes de l&apos;application</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Confirmed: the changes of %1 stay.</source>
        <translation>Confirmé : les modifications de %1 restent.</translation>
    </message>
    <message>
        <source>The helper did not take the confirmation: %1</source>
        <translation>L&apos;auxiliaire n&apos;a pas accepté la confirmation : %1</translation>
    </message>
    <message>
        <source>Rolled back %1: the system is as it was before.</source>
        <translation>%1 défait : le système est comme avant.</translation>
    </message>
    <message>
        <source>Nothing was rolled back: %1</source>
        <translation>Rien n&apos;a été défait : %1</translation>
    </message>
    <message>
        <source>Not confirmed in time: the helper rolled %1 back (%2).</source>
        <translation>Non confirmé à temps : l&apos;auxiliaire a défait %1 (%2).</translation>
    </message>
    <message>
        <source>Not authorized: polkit did not allow this apply (%1). Nothing was changed.</source>
        <translation>Non autorisé : polkit n&apos;a pas permis cette application (%1). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The helper refused the plan: %1. Nothing was changed.</source>
        <translation>L&apos;auxiliaire a refusé le plan : %1. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Another apply or rollback is under way. Nothing was changed; try again when it has finished.</source>
        <translation>Une autre application ou annulation est en cours. Rien n&apos;a été modifié ; réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>ok: %1</source>
        <translation>ok : %1</translation>
    </message>
    <message>
        <source>not applied: install this exported file yourself if you want it</source>
        <translation>non appliqué : installez vous-même ce fichier exporté si vous le voulez</translation>
    </message>
    <message numerus="yes">
        <source>Keep these changes? Unless you confirm, the helper rolls them back in %n second(s).</source>
        <translation>
            <numerusform>Garder ces modifications ? Sans votre confirmation, l&apos;auxiliaire les défait dans %n seconde.</numerusform>
            <numerusform>Garder ces modifications ? Sans votre confirmation, l&apos;auxiliaire les défait dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time is up: the helper is rolling the changes back.</source>
        <translation>Le temps est écoulé : l&apos;auxiliaire défait les modifications.</translation>
    </message>
    <message>
        <source>Undo this apply</source>
        <translation>Annuler cette application</translation>
    </message>
    <message>
        <source>Roll back %1? Deroot&apos;s helper restores what it changed, byte for byte, and removes what it created.</source>
        <translation>Défaire %1 ? L&apos;auxiliaire de Deroot restaure octet par octet ce qu&apos;il a modifié et supprime ce qu&apos;il a créé.</translation>
    </message>
    <message>
        <source>&amp;Roll back</source>
        <translation>&amp;Défaire</translation>
    </message>
    <message>
        <source>Rolling %1 back… Answer the authentication prompt if one appears.</source>
        <translation>Annulation de %1… Répondez à la demande d&apos;authentification si elle apparaît.</translation>
    </message>
    <message>
        <source>Deroot&apos;s helper stopped answering (%1). If it stopped in the middle of the apply, it restores the previous state when it next starts; the audit window&apos;s list of applied plans shows what happened.</source>
        <translation>L&apos;auxiliaire de Deroot ne répond plus (%1). S&apos;il s&apos;est arrêté au milieu de l&apos;application, il restaure l&apos;état précédent à son prochain démarrage ; la liste des plans appliqués de la fenêtre d&apos;audit montre ce qui s&apos;est passé.</translation>
    </message>
    <message>
        <source>The apply failed: %1. The audit window&apos;s list of applied plans shows what the helper did.</source>
        <translation>L&apos;application a échoué : %1. La liste des plans appliqués de la fenêtre d&apos;audit montre ce que l&apos;auxiliaire a fait.</translation>
    </message>
    <message>
        <source>Apply id: %1. The helper keeps this apply under that id: an administrator can still roll it back later.</source>
        <translation>Identifiant de l&apos;application : %1. L&apos;auxiliaire garde cette application sous cet identifiant : un administrateur peut encore la défaire plus tard.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Validators running</source>
        <translation>Validateurs en cours</translation>
    </message>
    <message>
        <source>Generated files</source>
        <translation>Fichiers générés</translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation>Pas de plan : %1</translation>
    </message>
    <message>
        <source>Conflicts to know about:</source>
        <translation>Conflits à connaître :</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated; the validators are checking them…</source>
        <translation>
            <numerusform>%n fichier généré ; les validateurs le vérifient…</numerusform>
            <numerusform>%n fichiers générés ; les validateurs les vérifient…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) fail their validator: see the tabs marked with a red cross. Such a plan cannot be exported.</source>
        <translation>
            <numerusform>%n fichier échoue à son validateur : voir les onglets marqués d&apos;une croix rouge. Un tel plan ne peut pas être exporté.</numerusform>
            <numerusform>%n fichiers échouent à leur validateur : voir les onglets marqués d&apos;une croix rouge. Un tel plan ne peut pas être exporté.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply creates the user %1 with the useradd line (useradd.sh) and installs %2 as well, so that systemd-sysusers keeps the user declared. By hand, run one of the two, not both.</source>
        <translation>Appliquer crée l&apos;utilisateur %1 avec la ligne useradd (useradd.sh) et installe aussi %2, pour que systemd-sysusers garde l&apos;utilisateur déclaré. À la main, exécutez l&apos;un des deux, pas les deux.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated, each checked by its real validator.</source>
        <translation>
            <numerusform>%n fichier généré, vérifié par son vrai validateur.</numerusform>
            <numerusform>%n fichiers générés, chacun vérifié par son vrai validateur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated; %1 checked by the real validators. No validator checks the others offline: their tabs say so.</source>
        <translation>
            <numerusform>%n fichier généré ; %1 vérifié(s) par les vrais validateurs. Aucun validateur ne vérifie les autres hors ligne : leurs onglets le disent.</numerusform>
            <numerusform>%n fichiers générés ; %1 vérifiés par les vrais validateurs. Aucun validateur ne vérifie les autres hors ligne : leurs onglets le disent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::PrivilegeText</name>
    <message>
        <source>Effective privilege: %1 if you run it as root (nothing runs it now and its file grants nothing), %2 with this method (0 is an ordinary user, 100 is root).</source>
        <translation>Privilège effectif : %1 si vous l’exécutez en root (rien ne l’exécute maintenant et son fichier n’accorde rien), %2 avec cette méthode (0 est un utilisateur ordinaire, 100 est root).</translation>
    </message>
    <message>
        <source>Effective privilege: %1 if you run it as root (nothing runs it now and its file grants nothing), %2 with the plan (0 is an ordinary user, 100 is root).</source>
        <translation>Privilège effectif : %1 si vous l’exécutez en root (rien ne l’exécute maintenant et son fichier n’accorde rien), %2 avec le plan (0 est un utilisateur ordinaire, 100 est root).</translation>
    </message>
    <message>
        <source>Effective privilege: %1 today (%2), %3 with this method (0 is an ordinary user, 100 is root).</source>
        <translation>Privilège effectif : %1 aujourd’hui (%2), %3 avec cette méthode (0 est un utilisateur ordinaire, 100 est root).</translation>
    </message>
    <message>
        <source>Effective privilege: %1 today (%2), %3 with the plan (0 is an ordinary user, 100 is root).</source>
        <translation>Privilège effectif : %1 aujourd’hui (%2), %3 avec le plan (0 est un utilisateur ordinaire, 100 est root).</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ProveDialog</name>
    <message>
        <source>With every capability</source>
        <translation>Avec toutes les capabilities</translation>
    </message>
    <message>
        <source>Without %1</source>
        <translation>Sans %1</translation>
    </message>
    <message>
        <source>&amp;Start the trials</source>
        <translation>&amp;Démarrer les essais</translation>
    </message>
    <message>
        <source>Prove the plan for %1</source>
        <translation>Éprouver le plan pour %1</translation>
    </message>
    <message>
        <source>Deroot runs the agent exactly as the plan&apos;s unit would, on temporary units, first with every capability of the plan, then once without each. A capability the agent works without in its trial is offered to drop. Nothing of the system changes: the temporary units are gone afterwards. Each trial lasts the time below; a service must still run at its end and listen on the plan&apos;s ports, and the check command, if you give one, must succeed.</source>
        <translation>Deroot lance l’agent exactement comme l’unité du plan le ferait, sur des unités temporaires, d’abord avec toutes les capabilities du plan, puis une fois sans chacune. Une capability sans laquelle l’agent fonctionne dans son essai est proposée au retrait. Rien du système ne change : les unités temporaires disparaissent ensuite. Chaque essai dure le temps ci-dessous ; un service doit encore tourner à la fin et écouter sur les ports du plan, et la commande de vérification, si vous en donnez une, doit réussir.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Each trial lasts, in seconds</source>
        <translation>Durée de chaque essai, en secondes</translation>
    </message>
    <message>
        <source>optional, e.g. curl -fsS http://127.0.0.1:9100/metrics</source>
        <translation>facultatif, p. ex. curl -fsS http://127.0.0.1:9100/metrics</translation>
    </message>
    <message>
        <source>Check command</source>
        <translation>Commande de vérification</translation>
    </message>
    <message>
        <source>A shell command that must succeed while the agent runs, such as fetching its page. It runs as you, not as root, unless Deroot itself runs as root.</source>
        <translation>Une commande shell qui doit réussir pendant que l’agent tourne, comme récupérer sa page. Elle s’exécute sous votre compte, pas en root, sauf si Deroot lui-même tourne en root.</translation>
    </message>
    <message>
        <source>&amp;Each trial lasts:</source>
        <translation>Durée de &amp;chaque essai :</translation>
    </message>
    <message>
        <source>Check &amp;command:</source>
        <translation>Commande de &amp;vérification :</translation>
    </message>
    <message>
        <source>The trials and the verdicts</source>
        <translation>Les essais et les verdicts</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Essai</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>no plan yet</source>
        <translation>pas encore de plan</translation>
    </message>
    <message>
        <source>Trial 1 of %1: with every capability…</source>
        <translation>Essai 1 sur %1 : avec toutes les capabilities…</translation>
    </message>
    <message>
        <source>Trial %1 of %2…</source>
        <translation>Essai %1 sur %2…</translation>
    </message>
    <message>
        <source>works (%1 s)</source>
        <translation>fonctionne (%1 s)</translation>
    </message>
    <message>
        <source>fails: %1 (%2 s)</source>
        <translation>échoue : %1 (%2 s)</translation>
    </message>
    <message>
        <source>shown necessary: without it the agent %1</source>
        <translation>montrée nécessaire : sans elle l’agent %1</translation>
    </message>
    <message>
        <source>not shown necessary: the agent passed every check without it</source>
        <translation>non montrée nécessaire : l’agent a passé toutes les vérifications sans elle</translation>
    </message>
    <message>
        <source>The plan does not work as it stands: with every capability the agent %1. Nothing was tried without; fix the plan (its user&apos;s access, its arguments, its ports) first.</source>
        <translation>Le plan ne fonctionne pas en l’état : avec toutes les capabilities, l’agent %1. Rien n’a été essayé sans ; corrigez d’abord le plan (les accès de son utilisateur, ses arguments, ses ports).</translation>
    </message>
    <message>
        <source>The plan works, and grants no capability.</source>
        <translation>Le plan fonctionne et n’accorde aucune capability.</translation>
    </message>
    <message>
        <source>The plan works, and each of its capabilities was shown necessary.</source>
        <translation>Le plan fonctionne, et chacune de ses capabilities a été montrée nécessaire.</translation>
    </message>
    <message>
        <source>The plan works. The agent also worked without %1 for %2 s: a trial shows only what the agent did in that time, so keep it if the agent needs it now and then (a reload, a rare probe).</source>
        <translation>Le plan fonctionne. L’agent a aussi fonctionné sans %1 pendant %2 s : un essai ne montre que ce que l’agent a fait pendant ce temps ; gardez-la si l’agent en a besoin de temps en temps (un rechargement, une sonde rare).</translation>
    </message>
    <message>
        <source>&amp;Drop %1 from the plan</source>
        <translation>&amp;Retirer %1 du plan</translation>
    </message>
    <message>
        <source>The trials did not run: %1</source>
        <translation>Les essais n’ont pas tourné : %1</translation>
    </message>
    <message numerus="yes">
        <source>Watching it run flagged %n sandbox setting(s) it may work with: each is tried once too.</source>
        <translation>
            <numerusform>L’observation en fonctionnement a repéré %n réglage de bac à sable avec lequel il pourrait fonctionner : il est aussi essayé une fois.</numerusform>
            <numerusform>L’observation en fonctionnement a repéré %n réglages de bac à sable avec lesquels il pourrait fonctionner : chacun est aussi essayé une fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>tolerated: the agent worked with it, so the unit can have it</source>
        <translation>toléré : l’agent a fonctionné avec, l’unité peut donc l’avoir</translation>
    </message>
    <message>
        <source>breaks the agent: %1</source>
        <translation>casse l’agent : %1</translation>
    </message>
    <message>
        <source>not tried: %1</source>
        <translation>non essayé : %1</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Avec %1</translation>
    </message>
    <message>
        <source>the helper&apos;s answer is not a report</source>
        <translation>la réponse de l’auxiliaire privilégié n’est pas un rapport</translation>
    </message>
    <message>
        <source>The trials run a copy of %1 with the plan&apos;s drop-in, so %1 must be stopped while they run.</source>
        <translation>Les essais exécutent une copie de %1 avec le drop-in du plan, %1 doit donc être arrêtée pendant qu&apos;ils tournent.</translation>
    </message>
    <message>
        <source>It also worked with %1, which watching it run suggested: the unit can be made stricter with it.</source>
        <translation>Il a aussi fonctionné avec %1, que l&apos;observation en fonctionnement suggérait : l&apos;unité peut être rendue plus stricte avec.</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::RecommendationPage</name>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complexité</translation>
    </message>
    <message>
        <source>For this agent</source>
        <translation>Pour cet agent</translation>
    </message>
    <message>
        <source>Reasons for and against the selected method</source>
        <translation>Raisons pour et contre la méthode choisie</translation>
    </message>
    <message>
        <source>Why, for this agent</source>
        <translation>Pourquoi, pour cet agent</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommandé</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>Possible</translation>
    </message>
    <message>
        <source>Not possible here</source>
        <translation>Impossible ici</translation>
    </message>
    <message>
        <source>Fix first: %1</source>
        <translation>À corriger d&apos;abord : %1</translation>
    </message>
    <message>
        <source>Select another row to use another method.</source>
        <translation>Choisissez une autre ligne pour utiliser une autre méthode.</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Pas nécessaire</translation>
    </message>
    <message>
        <source>Not suitable</source>
        <translation>Pas adaptée</translation>
    </message>
    <message>
        <source>Runs the agent as its own system user; only the commands its rule in /etc/sudoers.d names run as root, with fixed arguments.</source>
        <translation>Exécute l’agent sous son propre utilisateur système ; seules les commandes que nomme sa règle dans /etc/sudoers.d s’exécutent en root, avec des arguments fixes.</translation>
    </message>
    <message>
        <source>Runs the agent as its own system user under a hardened systemd unit, with no capabilities at all: it needs nothing an ordinary user lacks.</source>
        <translation>Exécute l’agent sous son propre utilisateur système dans une unité systemd durcie, sans aucune capacité : il n’a besoin de rien qui manque à un utilisateur ordinaire.</translation>
    </message>
    <message>
        <source>Runs the agent as its own system user with only the capabilities it needs, granted by a hardened systemd unit (or set on its file where it has no unit), and an AppArmor profile for its files.</source>
        <translation>Exécute l’agent sous son propre utilisateur système avec les seules capacités dont il a besoin, accordées par une unité systemd durcie (ou posées sur son fichier quand il n’a pas d’unité), et un profil AppArmor pour ses fichiers.</translation>
    </message>
    <message>
        <source>Runs the agent in a hardened container as an unprivileged user, with only the files, devices and ports it needs.</source>
        <translation>Exécute l’agent dans un conteneur durci en tant qu’utilisateur non privilégié, avec les seuls fichiers, périphériques et ports dont il a besoin.</translation>
    </message>
    <message>
        <source>Best for: %1</source>
        <translation>Idéal pour : %1</translation>
    </message>
    <message>
        <source>Every plan carries CPU, memory and task limits, so a runaway agent cannot take the machine down; the next step adjusts them.</source>
        <translation>Chaque plan porte des limites de CPU, de mémoire et de tâches, pour qu’un agent emballé ne puisse pas faire tomber la machine ; l’étape suivante les ajuste.</translation>
    </message>
    <message>
        <source>For %1 Deroot recommends &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Pour %1, Deroot recommande &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>You chose &lt;b&gt;%1&lt;/b&gt; for %2; Deroot recommends %3.</source>
        <translation>Vous avez choisi &lt;b&gt;%1&lt;/b&gt; pour %2 ; Deroot recommande %3.</translation>
    </message>
    <message>
        <source>This agent does not need it: see why below.</source>
        <translation>Cet agent n’en a pas besoin : voyez pourquoi ci-dessous.</translation>
    </message>
    <message>
        <source>It does not suit this agent: see why below.</source>
        <translation>Elle ne convient pas à cet agent : voyez pourquoi ci-dessous.</translation>
    </message>
    <message>
        <source>The three methods; select the one to use</source>
        <translation>Les trois méthodes ; choisissez celle à utiliser</translation>
    </message>
    <message>
        <source>Speaks for this method</source>
        <translation>Plaide pour cette méthode</translation>
    </message>
    <message>
        <source>Speaks against this method</source>
        <translation>Plaide contre cette méthode</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::Severity</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
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
        <translation>Le module de Deroot %1 est introuvable</translation>
    </message>
    <message>
        <source>Deroot&apos;s module %1 cannot be loaded: %2</source>
        <translation>Le module de Deroot %1 ne peut pas être chargé : %2</translation>
    </message>
    <message>
        <source>Deroot&apos;s module %1 is not the one this version of Deroot needs</source>
        <translation>Le module de Deroot %1 n&apos;est pas celui dont cette version de Deroot a besoin</translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::WizardSession</name>
    <message>
        <source>process %1</source>
        <translation>processus %1</translation>
    </message>
    <message>
        <source>There is no plan to export yet.</source>
        <translation>Il n&apos;y a pas encore de plan à exporter.</translation>
    </message>
    <message>
        <source>The validators are still checking the plan.</source>
        <translation>Les validateurs vérifient encore le plan.</translation>
    </message>
    <message>
        <source>The generated %1 fails its validator (%2): nothing was written.</source>
        <translation>Le fichier %1 généré échoue à son validateur (%2) : rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Choose where to export the plan.</source>
        <translation>Choisissez où exporter le plan.</translation>
    </message>
    <message>
        <source>the service user</source>
        <translation>l&apos;utilisateur de service</translation>
    </message>
    <message>
        <source>the paths it reads</source>
        <translation>les chemins qu&apos;il lit</translation>
    </message>
    <message>
        <source>the paths it writes</source>
        <translation>les chemins qu&apos;il écrit</translation>
    </message>
    <message>
        <source>the devices</source>
        <translation>les périphériques</translation>
    </message>
    <message>
        <source>the groups</source>
        <translation>les groupes</translation>
    </message>
    <message>
        <source>the ports</source>
        <translation>les ports</translation>
    </message>
    <message>
        <source>the capabilities</source>
        <translation>les capabilities</translation>
    </message>
    <message>
        <source>the resource limits</source>
        <translation>les limites de ressources</translation>
    </message>
    <message>
        <source>There is no plan to apply yet.</source>
        <translation>Il n&apos;y a pas encore de plan à appliquer.</translation>
    </message>
    <message>
        <source>The generated %1 fails its validator (%2): nothing was applied.</source>
        <translation>Le fichier %1 généré échoue à sa validation (%2) : rien n&apos;a été appliqué.</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>la ligne de commande</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>l&apos;environnement</translation>
    </message>
    <message>
        <source>the environment files</source>
        <translation>les fichiers d&apos;environnement</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>processus %1 (%2)</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>Processus %1</translation>
    </message>
    <message>
        <source>Process %1 (%2)</source>
        <translation>Processus %1 (%2)</translation>
    </message>
</context>
</TS>
