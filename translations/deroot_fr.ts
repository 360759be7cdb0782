<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Deroot::Core</name>
    <message>
        <source>the helper&apos;s answer is not a JSON object</source>
        <translation>la réponse de l&apos;assistant n&apos;est pas un objet JSON</translation>
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
</context>
<context>
    <name>Deroot::Core::HelperClient</name>
    <message>
        <source>the system bus is not available: %1</source>
        <translation>le bus système n&apos;est pas disponible : %1</translation>
    </message>
    <message>
        <source>the helper&apos;s answer is not a JSON array</source>
        <translation>la réponse de l&apos;assistant n&apos;est pas un tableau JSON</translation>
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
</context>
<context>
    <name>Deroot::Ui::MainWindow</name>
    <message>
        <source>Comparison of the three methods</source>
        <translation>Comparaison des trois méthodes</translation>
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
        <source>Best for</source>
        <translation>Idéale pour</translation>
    </message>
    <message>
        <source>Deroot</source>
        <translation>Deroot</translation>
    </message>
    <message>
        <source>Stop running infrastructure agents as root</source>
        <translation>Cessez d’exécuter les agents d’infrastructure en root</translation>
    </message>
    <message>
        <source>Monitoring and infrastructure agents often run as root because it is easy, so one bug, bad configuration or supply-chain attack in them takes the whole machine. Deroot inspects an agent, finds what it really needs, and recommends one of three ways to give it exactly that and nothing more:</source>
        <translation>Les agents de supervision et d’infrastructure tournent souvent en root parce que c’est facile : un seul bogue, une mauvaise configuration ou une attaque de la chaîne d’approvisionnement suffit alors à compromettre toute la machine. Deroot examine un agent, détermine ce dont il a vraiment besoin et recommande l’une de trois façons de lui donner exactement cela, et rien de plus :</translation>
    </message>
</context>
</TS>
