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
