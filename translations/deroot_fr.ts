<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
