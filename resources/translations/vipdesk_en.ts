<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgendaModel</name>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n due today</numerusform>
            <numerusform>%n due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promise(s)</source>
        <translation>
            <numerusform>%n promise</numerusform>
            <numerusform>%n promises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instalment(s)</source>
        <translation>
            <numerusform>%n instalment</numerusform>
            <numerusform>%n instalments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalQueueModel</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalQueuePage</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Term: %n month(s)</source>
        <translation>
            <numerusform>Term: %n month</numerusform>
            <numerusform>Term: %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionsView</name>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decision</numerusform>
            <numerusform>%n decisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message numerus="yes">
        <source>%n document(s), newest first</source>
        <translation>
            <numerusform>%n document, newest first</numerusform>
            <numerusform>%n documents, newest first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InteractionsPage</name>
    <message numerus="yes">
        <source>%n contact(s), newest first</source>
        <translation>
            <numerusform>%n contact, newest first</numerusform>
            <numerusform>%n contacts, newest first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LegalInboxPage</name>
    <message numerus="yes">
        <source>%n to acknowledge</source>
        <translation>
            <numerusform>%n to acknowledge</numerusform>
            <numerusform>%n to acknowledge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n received</numerusform>
            <numerusform>%n received</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterBatchDialog</name>
    <message numerus="yes">
        <source>The %n case(s) listed in the portfolio now</source>
        <translation>
            <numerusform>The %n case listed in the portfolio now</numerusform>
            <numerusform>The %n cases listed in the portfolio now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) generated</source>
        <translation>
            <numerusform>%n letter generated</numerusform>
            <numerusform>%n letters generated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterTemplatesDialog</name>
    <message numerus="yes">
        <source>Discard the unsaved changes to %n template(s)?</source>
        <translation>
            <numerusform>Discard the unsaved changes to %n template?</numerusform>
            <numerusform>Discard the unsaved changes to %n templates?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) exported to {path}</source>
        <translation>
            <numerusform>%Ln case exported to {path}</numerusform>
            <numerusform>%Ln cases exported to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message numerus="yes">
        <source>%n payment(s), newest first</source>
        <translation>
            <numerusform>%n payment, newest first</numerusform>
            <numerusform>%n payments, newest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromisesPage</name>
    <message numerus="yes">
        <source>%n promise(s)</source>
        <translation>
            <numerusform>%n promise</numerusform>
            <numerusform>%n promises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promise(s) · {pending} pending</source>
        <translation>
            <numerusform>%n promise · {pending} pending</numerusform>
            <numerusform>%n promises · {pending} pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenariosView</name>
    <message numerus="yes">
        <source>%n scenario(s) and the legal route</source>
        <translation>
            <numerusform>%n scenario and the legal route</numerusform>
            <numerusform>%n scenarios and the legal route</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message numerus="yes">
        <source>%n instalment(s) from {first} to {last} · payments {payment} · principal {principal} · interest {interest}</source>
        <translation>
            <numerusform>%n instalment from {first} to {last} · payments {payment} · principal {principal} · interest {interest}</numerusform>
            <numerusform>%n instalments from {first} to {last} · payments {payment} · principal {principal} · interest {interest}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Offline · %n change waiting</numerusform>
            <numerusform>Offline · %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
</TS>
