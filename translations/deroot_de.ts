<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
