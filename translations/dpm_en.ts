<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>dpm::DemoFillDialog</name>
    <message numerus="yes">
        <source>The demo store is ready: %Ln run(s).</source>
        <translation>
            <numerusform>The demo store is ready: %Ln run.</numerusform>
            <numerusform>The demo store is ready: %Ln runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%Ln key(s)}</source>
        <translation>
            <numerusform>{%Ln key}</numerusform>
            <numerusform>{%Ln keys}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%Ln item(s)]</source>
        <translation>
            <numerusform>[%Ln item]</numerusform>
            <numerusform>[%Ln items]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::ListingView</name>
    <message numerus="yes">
        <source>%Ln row(s) loaded, more available (scroll down to load them)</source>
        <translation>
            <numerusform>%Ln row loaded, more available (scroll down to load them)</numerusform>
            <numerusform>%Ln rows loaded, more available (scroll down to load them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln row(s) loaded</source>
        <translation>
            <numerusform>%Ln row loaded</numerusform>
            <numerusform>All %Ln rows loaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::MigrationsTab</name>
    <message numerus="yes">
        <source>Apply %n migration(s) to %1?</source>
        <translation>
            <numerusform>Apply %n migration to %1?</numerusform>
            <numerusform>Apply %n migrations to %1?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::OmniSearch</name>
    <message numerus="yes">
        <source>%n run(s) with this request hash, latest %1</source>
        <translation>
            <numerusform>%n run with this request hash, latest %1</numerusform>
            <numerusform>%n runs with this request hash, latest %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::OutboxRepairPanel</name>
    <message numerus="yes">
        <source>Put %Ln FAILED or DEAD delivery(s) back to PENDING, due now, in %1?</source>
        <translation>
            <numerusform>Put %Ln FAILED or DEAD delivery back to PENDING, due now, in %1?</numerusform>
            <numerusform>Put %Ln FAILED or DEAD deliveries back to PENDING, due now, in %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln delivery(s) DEAD (&quot;discarded: %1&quot;) in %2?</source>
        <translation>
            <numerusform>Mark %Ln delivery DEAD (&quot;discarded: %1&quot;) in %2?</numerusform>
            <numerusform>Mark %Ln deliveries DEAD (&quot;discarded: %1&quot;) in %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln DELIVERED delivery(s) older than %1 days from %2?</source>
        <translation>
            <numerusform>Delete %Ln DELIVERED delivery older than %1 days from %2?</numerusform>
            <numerusform>Delete %Ln DELIVERED deliveries older than %1 days from %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not changed: %Ln delivery(s) would be.</source>
        <translation>
            <numerusform>Not changed: %Ln delivery would be.</numerusform>
            <numerusform>Not changed: %Ln deliveries would be.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln delivery(s) changed in %2 ms.</source>
        <translation>
            <numerusform>%1: %Ln delivery changed in %2 ms.</numerusform>
            <numerusform>%1: %Ln deliveries changed in %2 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::PreferencesDialog</name>
    <message numerus="yes">
        <source>%n recent store(s).</source>
        <translation>
            <numerusform>%n recent store.</numerusform>
            <numerusform>%n recent stores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved connection(s), edited in File → Connect to a store; passwords are never saved.</source>
        <translation>
            <numerusform>%n saved connection, edited in File → Connect to a store; passwords are never saved.</numerusform>
            <numerusform>%n saved connections, edited in File → Connect to a store; passwords are never saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::ProposalCheckAllPanel</name>
    <message numerus="yes">
        <source>%Ln proposal(s) checked, %L1 findings so far…</source>
        <translation>
            <numerusform>%Ln proposal checked, %L1 findings so far…</numerusform>
            <numerusform>%Ln proposals checked, %L1 findings so far…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) checked: no findings.</source>
        <translation>
            <numerusform>%Ln proposal checked: no findings.</numerusform>
            <numerusform>%Ln proposals checked: no findings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) checked</source>
        <translation>
            <numerusform>%Ln proposal checked</numerusform>
            <numerusform>%Ln proposals checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln finding(s).</source>
        <translation>
            <numerusform>%Ln finding.</numerusform>
            <numerusform>%Ln findings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::ProposalDiffModel</name>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::ProposalPane</name>
    <message numerus="yes">
        <source>✘ %n integrity finding(s) for this proposal.</source>
        <translation>
            <numerusform>✘ %n integrity finding for this proposal.</numerusform>
            <numerusform>✘ %n integrity findings for this proposal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::RunBundlePane</name>
    <message numerus="yes">
        <source>%n workflow decision(s), oldest first.</source>
        <translation>
            <numerusform>%n workflow decision.</numerusform>
            <numerusform>%n workflow decisions, oldest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::StoreSession</name>
    <message numerus="yes">
        <source>not initialised, %n pending migration(s)</source>
        <translation>
            <numerusform>not initialised, %n pending migration</numerusform>
            <numerusform>not initialised, %n pending migrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modified migration(s)</source>
        <translation>
            <numerusform>%n modified migration</numerusform>
            <numerusform>%n modified migrations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending migration(s)</source>
        <translation>
            <numerusform>%n pending migration</numerusform>
            <numerusform>%n pending migrations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::SummaryPage</name>
    <message numerus="yes">
        <source>%Ln delivery(s) DEAD: retry or discard them on the Outbox page.</source>
        <translation>
            <numerusform>%Ln delivery is DEAD: retry or discard it on the Outbox page.</numerusform>
            <numerusform>%Ln deliveries are DEAD: retry or discard them on the Outbox page.</numerusform>
        </translation>
    </message>
</context>
</TS>
