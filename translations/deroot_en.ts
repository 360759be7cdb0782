<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Deroot::Core::ApplyOutcome</name>
    <message numerus="yes">
        <source>Applied: %n step(s) done.</source>
        <translation>
            <numerusform>Applied: %n step done.</numerusform>
            <numerusform>Applied: %n steps done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Audit</name>
    <message numerus="yes">
        <source>%n process(es) could not be read (permission denied); run the audit as root to see them all.</source>
        <translation>
            <numerusform>%n process could not be read (permission denied); run the audit as root to see them all.</numerusform>
            <numerusform>%n processes could not be read (permission denied); run the audit as root to see them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The executables of %n listed process(es) could not be read (permission denied); they are grouped by unit or command name. Run the audit as root to see them.</source>
        <translation>
            <numerusform>The executable of %n listed process could not be read (permission denied); it is grouped by unit or command name. Run the audit as root to see it.</numerusform>
            <numerusform>The executables of %n listed processes could not be read (permission denied); they are grouped by unit or command name. Run the audit as root to see them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Drift</name>
    <message numerus="yes">
        <source>Drifted: %n difference(s) from the apply, since %1.</source>
        <translation>
            <numerusform>Drifted: %n difference from the apply, since %1.</numerusform>
            <numerusform>Drifted: %n differences from the apply, since %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drifted: %n difference(s) from the apply.</source>
        <translation>
            <numerusform>Drifted: %n difference from the apply.</numerusform>
            <numerusform>Drifted: %n differences from the apply.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Observe</name>
    <message numerus="yes">
        <source>succeeded %n time(s)</source>
        <translation>
            <numerusform>succeeded %n time</numerusform>
            <numerusform>succeeded %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>failed with %1 %n time(s)</source>
        <translation>
            <numerusform>failed with %1 %n time</numerusform>
            <numerusform>failed with %1 %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>did not return %n time(s)</source>
        <translation>
            <numerusform>did not return %n time</numerusform>
            <numerusform>did not return %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n other call(s)</source>
        <translation>
            <numerusform>and %n other call</numerusform>
            <numerusform>and %n other calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, %2 refused; %3 (a netlink request: the kernel refuses it in its reply)</source>
        <translation>
            <numerusform>observed: %n check in %1, %2 refused; %3 (a netlink request: the kernel refuses it in its reply)</numerusform>
            <numerusform>observed: %n checks in %1, %2 refused; %3 (a netlink request: the kernel refuses it in its reply)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, %2 refused; %3</source>
        <translation>
            <numerusform>observed: %n check in %1, %2 refused; %3</numerusform>
            <numerusform>observed: %n checks in %1, %2 refused; %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, granted; %2 (not shown necessary)</source>
        <translation>
            <numerusform>observed: %n check in %1, granted; %2 (not shown necessary)</numerusform>
            <numerusform>observed: %n checks in %1, granted; %2 (not shown necessary)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, refused; %2: the refusal may not be why it failed</source>
        <translation>
            <numerusform>observed: %n check in %1, refused; %2: the refusal may not be why it failed</numerusform>
            <numerusform>observed: %n checks in %1, refused; %2: the refusal may not be why it failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed: %n check(s) in %1, refused, and the call succeeded without it; %2</source>
        <translation>
            <numerusform>observed: %n check in %1, refused, and the call succeeded without it; %2</numerusform>
            <numerusform>observed: %n checks in %1, refused, and the call succeeded without it; %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Observed %1 with %2 for %3 in %n round(s) (%4).</source>
        <translation>
            <numerusform>Observed %1 with %2 for %3 in %n round (%4).</numerusform>
            <numerusform>Observed %1 with %2 for %3 in %n rounds (%4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Observed %1 as %2 with %3 for %4 in %n round(s) (%5).</source>
        <translation>
            <numerusform>Observed %1 as %2 with %3 for %4 in %n round (%5).</numerusform>
            <numerusform>Observed %1 as %2 with %3 for %4 in %n rounds (%5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No sandbox setting is flagged: the recorder lost %n event(s), any of which could have been a device or a socket.</source>
        <translation>
            <numerusform>No sandbox setting is flagged: the recorder lost %n event, any of which could have been a device or a socket.</numerusform>
            <numerusform>No sandbox setting is flagged: the recorder lost %n events, any of which could have been a device or a socket.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Core::Verdict</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AgentPage</name>
    <message numerus="yes">
        <source>%n files were dropped: drop one agent&apos;s program file at a time.</source>
        <translation>
            <numerusform>%n file was dropped: drop one agent&apos;s program file at a time.</numerusform>
            <numerusform>%n files were dropped: drop one agent&apos;s program file at a time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::AuditView</name>
    <message numerus="yes">
        <source>%n capabilities</source>
        <translation>
            <numerusform>%n capability</numerusform>
            <numerusform>%n capabilities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) examined.</source>
        <translation>
            <numerusform>%n process examined.</numerusform>
            <numerusform>%n processes examined.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) run as root.</source>
        <translation>
            <numerusform>%n agent runs as root.</numerusform>
            <numerusform>%n agents run as root.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n program(s) hand out privileges.</source>
        <translation>
            <numerusform>%n program hands out privileges.</numerusform>
            <numerusform>%n programs hand out privileges.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Privileged by design, nothing to change (%n)</source>
        <translation>
            <numerusform>Privileged by design, nothing to change (%n)</numerusform>
            <numerusform>Privileged by design, nothing to change (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::DriftPanel</name>
    <message numerus="yes">
        <source>%n applied plan(s) drifted. Select one and press Put back to have the helper write again what it wrote and set; what is not the apply&apos;s (another tool&apos;s drop-in, a changed program) needs a rollback and a new plan.</source>
        <translation>
            <numerusform>%n applied plan drifted. Select it and press Put back to have the helper write again what it wrote and set; what is not the apply&apos;s (another tool&apos;s drop-in, a changed program) needs a rollback and a new plan.</numerusform>
            <numerusform>%n applied plans drifted. Select one and press Put back to have the helper write again what it wrote and set; what is not the apply&apos;s (another tool&apos;s drop-in, a changed program) needs a rollback and a new plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back: %n item(s).</source>
        <translation>
            <numerusform>Put back: %n item.</numerusform>
            <numerusform>Put back: %n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ExportPanel</name>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1: %2</source>
        <translation>
            <numerusform>Wrote %n file to %1: %2</numerusform>
            <numerusform>Wrote %n files to %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote an Ansible role of %n file(s) to %1; its README.md says how to run it.</source>
        <translation>
            <numerusform>Wrote an Ansible role of %n file to %1; its README.md says how to run it.</numerusform>
            <numerusform>Wrote an Ansible role of %n files to %1; its README.md says how to run it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::FinishPage</name>
    <message numerus="yes">
        <source>The plan for %1 has %n file(s).</source>
        <translation>
            <numerusform>The plan for %1 has %n file.</numerusform>
            <numerusform>The plan for %1 has %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::FleetRows</name>
    <message numerus="yes">
        <source>%n capabilities</source>
        <translation>
            <numerusform>%n capability</numerusform>
            <numerusform>%n capabilities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) merged.</source>
        <translation>
            <numerusform>%n host merged.</numerusform>
            <numerusform>%n hosts merged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), most privileged first.</source>
        <translation>
            <numerusform>%n row, most privileged first.</numerusform>
            <numerusform>%n rows, most privileged first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left out:</source>
        <translation>
            <numerusform>%n file left out:</numerusform>
            <numerusform>%n files left out:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::NeedsPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;Stop: %n critical finding(s).&lt;/b&gt; Until fixed, anyone who can change these files can become the agent, and so keep whatever privilege it gets: %1</source>
        <translation>
            <numerusform>&lt;b&gt;Stop: %n critical finding.&lt;/b&gt; Until fixed, anyone who can change these files can become the agent, and so keep whatever privilege it gets: %1</numerusform>
            <numerusform>&lt;b&gt;Stop: %n critical findings.&lt;/b&gt; Until fixed, anyone who can change these files can become the agent, and so keep whatever privilege it gets: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ObserveDialog</name>
    <message numerus="yes">
        <source>Done: %n capability(s) needed or used.</source>
        <translation>
            <numerusform>Done: %n capability needed or used.</numerusform>
            <numerusform>Done: %n capabilities needed or used.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) to give the service user.</source>
        <translation>
            <numerusform>%n path to give the service user.</numerusform>
            <numerusform>%n paths to give the service user.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::OutcomePanel</name>
    <message numerus="yes">
        <source>Keep these changes? Unless you confirm, the helper rolls them back in %n second(s).</source>
        <translation>
            <numerusform>Keep these changes? Unless you confirm, the helper rolls them back in %n second.</numerusform>
            <numerusform>Keep these changes? Unless you confirm, the helper rolls them back in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::PreviewPage</name>
    <message numerus="yes">
        <source>%n file(s) generated; the validators are checking them…</source>
        <translation>
            <numerusform>%n file generated; the validators are checking it…</numerusform>
            <numerusform>%n files generated; the validators are checking them…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) fail their validator: see the tabs marked with a red cross. Such a plan cannot be exported.</source>
        <translation>
            <numerusform>%n file fails its validator: see the tab marked with a red cross. Such a plan cannot be exported.</numerusform>
            <numerusform>%n files fail their validator: see the tabs marked with a red cross. Such a plan cannot be exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated, each checked by its real validator.</source>
        <translation>
            <numerusform>%n file generated and checked by its real validator.</numerusform>
            <numerusform>%n files generated, each checked by its real validator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) generated; %1 checked by the real validators. No validator checks the others offline: their tabs say so.</source>
        <translation>
            <numerusform>%n file generated; %1 checked by the real validators. No validator checks the others offline: their tabs say so.</numerusform>
            <numerusform>%n files generated; %1 checked by the real validators. No validator checks the others offline: their tabs say so.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deroot::Ui::ProveDialog</name>
    <message numerus="yes">
        <source>Watching it run flagged %n sandbox setting(s) it may work with: each is tried once too.</source>
        <translation>
            <numerusform>Watching it run flagged %n sandbox setting it may work with: it is tried once too.</numerusform>
            <numerusform>Watching it run flagged %n sandbox settings it may work with: each is tried once too.</numerusform>
        </translation>
    </message>
</context>
</TS>
