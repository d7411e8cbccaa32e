<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ActivityModels</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Contact reached</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Próxima acción</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Promised on</source>
        <translation>Prometida el</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Aplicado</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Falta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Obligation</source>
        <translation>Obligación</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Promesa</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>Cuota</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>Deudor</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atraso</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n día de atraso</numerusform>
            <numerusform>%n días de atraso</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>en %n día</numerusform>
            <numerusform>en %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Promise to pay, not yet kept</source>
        <translation>Promesa de pago aún no cumplida</translation>
    </message>
    <message>
        <source>Promise to pay falls due</source>
        <translation>Vence una promesa de pago</translation>
    </message>
    <message>
        <source>Down payment of agreement {agreement}</source>
        <translation>Enganche del convenio {agreement}</translation>
    </message>
    <message>
        <source>Instalment {number} of {count} of agreement {agreement}</source>
        <translation>Cuota {number} de {count} del convenio {agreement}</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>My day</source>
        <translation>Mi día</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Follow-ups and promises due</source>
        <translation>Seguimientos y promesas por vencer</translation>
    </message>
    <message>
        <source>Enter or double-click opens the case</source>
        <translation>Enter o doble clic abre el caso</translation>
    </message>
    <message>
        <source>Agenda counts</source>
        <translation>Resumen de la agenda</translation>
    </message>
    <message>
        <source>Nothing falls due today: no follow-ups or promises.</source>
        <translation>Nada vence hoy: no hay seguimientos ni promesas.</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n vencida</numerusform>
            <numerusform>%n vencidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n para hoy</numerusform>
            <numerusform>%n para hoy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promise(s)</source>
        <translation>
            <numerusform>%n promesa</numerusform>
            <numerusform>%n promesas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instalment(s)</source>
        <translation>
            <numerusform>%n cuota</numerusform>
            <numerusform>%n cuotas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementActions</name>
    <message>
        <source>Only the case&apos;s executive or its supervisor may draw up agreements</source>
        <translation>Solo el ejecutivo del caso o su supervisor pueden elaborar convenios</translation>
    </message>
    <message>
        <source>{number} (version {version}) is waiting for approval: it must be decided first</source>
        <translation>{number} (versión {version}) está pendiente de aprobación: primero debe decidirse</translation>
    </message>
    <message>
        <source>Only the case&apos;s executive or its supervisor may change this agreement</source>
        <translation>Solo el ejecutivo del caso o su supervisor pueden modificar este convenio</translation>
    </message>
    <message>
        <source>Save your changes first</source>
        <translation>Guarde primero sus cambios</translation>
    </message>
    <message>
        <source>Version {version} is already being edited or waiting for approval</source>
        <translation>La versión {version} ya está en edición o pendiente de aprobación</translation>
    </message>
    <message>
        <source>This agreement is not in your approval queue</source>
        <translation>Este convenio no está en su cola de aprobación</translation>
    </message>
    <message>
        <source>You may not decide on this agreement</source>
        <translation>Usted no puede decidir sobre este convenio</translation>
    </message>
</context>
<context>
    <name>AgreementLabels</name>
    <message>
        <source>Debtor</source>
        <translation>Deudor</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>Fiador</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Representante legal</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>Acreedor</translation>
    </message>
    <message>
        <source>Full settlement</source>
        <translation>Liquidación total</translation>
    </message>
    <message>
        <source>Partial payment</source>
        <translation>Pago parcial</translation>
    </message>
</context>
<context>
    <name>AgreementModels</name>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>A pagar</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Quita</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Capital</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interés</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Documento de identidad</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Carácter</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Required level</source>
        <translation>Nivel requerido</translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>&amp;New agreement from scenario…</source>
        <translation>&amp;Nuevo convenio a partir de escenario…</translation>
    </message>
    <message>
        <source>New agreement from scenario</source>
        <translation>Nuevo convenio a partir de escenario</translation>
    </message>
    <message>
        <source>Agreements of the case</source>
        <translation>Convenios del caso</translation>
    </message>
    <message>
        <source>No agreements yet: create one from the case&apos;s chosen scenario.</source>
        <translation>Aún no hay convenios: cree uno a partir del escenario elegido del caso.</translation>
    </message>
    <message>
        <source>No agreements</source>
        <translation>Sin convenios</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n versión</numerusform>
            <numerusform>%n versiones</numerusform>
        </translation>
    </message>
    <message>
        <source>in force: {number} v{version}, {amount}</source>
        <translation>vigente: {number} v{version}, {amount}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>This version has changes that are not saved. Discard them?</source>
        <translation>Esta versión tiene cambios sin guardar. ¿Desea descartarlos?</translation>
    </message>
    <message>
        <source>{number}, version {version}: {amount} to pay, discount {pct}</source>
        <translation>{number}, versión {version}: {amount} a pagar, quita {pct}</translation>
    </message>
    <message>
        <source>Send {name} for approval? It cannot be changed while it waits.</source>
        <translation>¿Enviar {name} a aprobación? No se podrá modificar mientras espera.</translation>
    </message>
    <message>
        <source>Mark {name} as signed and active? Its schedule is then followed.</source>
        <translation>¿Marcar {name} como firmado y activo? A partir de entonces se da seguimiento a su calendario de pagos.</translation>
    </message>
    <message>
        <source>Mark {name} as completed, paid as agreed?</source>
        <translation>¿Marcar {name} como cumplido, pagado según lo convenido?</translation>
    </message>
    <message>
        <source>Mark {name} as broken? The debtor defaulted and the discount is lost.</source>
        <translation>¿Marcar {name} como incumplido? El deudor no cumplió y se pierde la quita.</translation>
    </message>
    <message>
        <source>{number} (version {version})</source>
        <translation>{number} (versión {version})</translation>
    </message>
    <message>
        <source>Someone else changed this agreement since you opened it, so your changes were not saved. Reload to see their version (your edits will be lost), or copy what you need first.</source>
        <translation>Otra persona modificó este convenio después de que usted lo abrió, por lo que sus cambios no se guardaron. Vuelva a cargarlo para ver la versión de esa persona (perderá sus modificaciones) o copie primero lo que necesite.</translation>
    </message>
</context>
<context>
    <name>ApprovalQueueModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>Deudor</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>Ejecutivo</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>A pagar</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Quita</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Requiere</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Espera</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>{number} v{version}</source>
        <translation>{number} v{version}</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>{hours} of {sla} h</source>
        <translation>{hours} de {sla} h</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>{hours} h left</source>
        <translation>Quedan {hours} h</translation>
    </message>
    <message>
        <source>Submitted {submitted}; due {due} ({sla} business hours)</source>
        <translation>Enviado {submitted}; vence {due} ({sla} horas hábiles)</translation>
    </message>
    <message>
        <source>{hours} business hours past the SLA</source>
        <translation>SLA excedido en {hours} horas hábiles</translation>
    </message>
</context>
<context>
    <name>ApprovalQueuePage</name>
    <message>
        <source>Approvals</source>
        <translation>Aprobaciones</translation>
    </message>
    <message>
        <source>Agreements waiting for approval</source>
        <translation>Convenios pendientes de aprobación</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Enter or double-click opens the agreement</source>
        <translation>Enter o doble clic abre el convenio</translation>
    </message>
    <message>
        <source>Approval counts</source>
        <translation>Conteo de aprobaciones</translation>
    </message>
    <message>
        <source>Nothing is waiting for approval.</source>
        <translation>No hay nada pendiente de aprobación.</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>A&amp;probar…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>&amp;Rechazar…</translation>
    </message>
    <message>
        <source>Request c&amp;hanges…</source>
        <translation>Solicitar &amp;cambios…</translation>
    </message>
    <message>
        <source>See strategy</source>
        <translation>Ver estrategia</translation>
    </message>
    <message>
        <source>See analysis</source>
        <translation>Ver análisis</translation>
    </message>
    <message>
        <source>See agreement</source>
        <translation>Ver convenio</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n vencido</numerusform>
            <numerusform>%n vencidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Service level: {hours} business hours</source>
        <translation>Nivel de servicio: {hours} horas hábiles</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nada seleccionado</translation>
    </message>
    <message>
        <source>Choose a request on the left to see what it asks.</source>
        <translation>Elija una solicitud a la izquierda para ver lo que pide.</translation>
    </message>
    <message>
        <source>{number}, version {version}</source>
        <translation>{number}, versión {version}</translation>
    </message>
    <message>
        <source>Case {case} · {debtor}</source>
        <translation>Caso {case} · {debtor}</translation>
    </message>
    <message>
        <source>Executive: {name}</source>
        <translation>Ejecutivo: {name}</translation>
    </message>
    <message>
        <source>Total owed: {amount}</source>
        <translation>Total adeudado: {amount}</translation>
    </message>
    <message>
        <source>Discount: {amount} ({pct})</source>
        <translation>Quita: {amount} ({pct})</translation>
    </message>
    <message>
        <source>To pay: {amount}</source>
        <translation>A pagar: {amount}</translation>
    </message>
    <message numerus="yes">
        <source>Term: %n month(s)</source>
        <translation>
            <numerusform>Plazo: %n mes</numerusform>
            <numerusform>Plazo: %n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs: {level}</source>
        <translation>Requiere: {level}</translation>
    </message>
    <message>
        <source>Submitted {when}</source>
        <translation>Enviado {when}</translation>
    </message>
    <message>
        <source>Waited {hours} of {sla} business hours; due {due}</source>
        <translation>En espera {hours} de {sla} horas hábiles; vence {due}</translation>
    </message>
    <message>
        <source>Overdue by {hours} business hours</source>
        <translation>Vencido por {hours} horas hábiles</translation>
    </message>
    <message>
        <source>You may not decide on this agreement</source>
        <translation>Usted no puede decidir sobre este convenio</translation>
    </message>
    <message>
        <source>{number}, version {version} · {case} · {debtor}: {amount} to pay, discount {pct}</source>
        <translation>{number}, versión {version} · {case} · {debtor}: {amount} a pagar, quita {pct}</translation>
    </message>
</context>
<context>
    <name>ApprovalSettingsDialog</name>
    <message>
        <source>Approval policy</source>
        <translation>Política de aprobación</translation>
    </message>
    <message>
        <source>Each tier names an approver level and the limits within which that level approves; the lowest tier whose limits all hold decides, and beyond the last one a director approves. Limits are inclusive. Amounts are per currency; the discount is a percentage of what is owed.</source>
        <translation>Cada rango indica un nivel de aprobador y los límites dentro de los cuales ese nivel aprueba; decide el rango más bajo cuyos límites se cumplen todos, y por encima del último aprueba un director. Los límites son inclusivos. Los montos son por moneda; la quita es un porcentaje de lo adeudado.</translation>
    </message>
    <message>
        <source>&amp;Add tier</source>
        <translation>Agregar &amp;rango</translation>
    </message>
    <message>
        <source>&amp;Remove last tier</source>
        <translation>&amp;Quitar el último rango</translation>
    </message>
    <message>
        <source>Service level of the approval &amp;queue</source>
        <translation>Nivel de servicio de la &amp;cola de aprobación</translation>
    </message>
    <message>
        <source>Service level in business hours</source>
        <translation>Nivel de servicio en horas hábiles</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>horas hábiles</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Aprobador</translation>
    </message>
    <message>
        <source>Largest discount (%)</source>
        <translation>Quita máxima (%)</translation>
    </message>
    <message>
        <source>Longest term (months)</source>
        <translation>Plazo máximo (meses)</translation>
    </message>
    <message>
        <source>Largest amount forgiven, {currency}</source>
        <translation>Monto condonado máximo, {currency}</translation>
    </message>
    <message>
        <source>Largest exposure, {currency}</source>
        <translation>Exposición máxima, {currency}</translation>
    </message>
    <message>
        <source>Tier {number}</source>
        <translation>Rango {number}</translation>
    </message>
</context>
<context>
    <name>BreakdownStrip</name>
    <message>
        <source>Principal</source>
        <translation>Capital</translation>
    </message>
    <message>
        <source>Ordinary interest</source>
        <translation>Interés ordinario</translation>
    </message>
    <message>
        <source>Default interest</source>
        <translation>Interés moratorio</translation>
    </message>
    <message>
        <source>Fees and charges</source>
        <translation>Cargos</translation>
    </message>
    <message>
        <source>Total owed</source>
        <translation>Total adeudado</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Quita</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>A pagar</translation>
    </message>
    <message>
        <source>{amount} ({pct})</source>
        <translation>{amount} ({pct})</translation>
    </message>
</context>
<context>
    <name>CapacityView</name>
    <message>
        <source>Capacity to pay</source>
        <translation>Capacidad de pago</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>Supuestos</translation>
    </message>
    <message>
        <source>&amp;Discount rate (% a year)</source>
        <translation>&amp;Tasa de descuento (% anual)</translation>
    </message>
    <message>
        <source>&amp;Share for payments (%)</source>
        <translation>&amp;Proporción para pagos (%)</translation>
    </message>
    <message>
        <source>&amp;Liquidation haircut (%)</source>
        <translation>Descuento por &amp;liquidación (%)</translation>
    </message>
    <message>
        <source>&amp;Forced-sale haircut (%)</source>
        <translation>Descuento por venta &amp;forzosa (%)</translation>
    </message>
    <message>
        <source>&amp;Probability of winning in court (%)</source>
        <translation>Probabilidad de &amp;ganar el juicio (%)</translation>
    </message>
    <message>
        <source>Legal &amp;costs</source>
        <translation>Costos &amp;judiciales</translation>
    </message>
    <message>
        <source>&amp;Months to recover in court</source>
        <translation>&amp;Meses para recuperar por vía judicial</translation>
    </message>
    <message>
        <source>&amp;Recoverable in court</source>
        <translation>&amp;Recuperable por vía judicial</translation>
    </message>
    <message>
        <source>Blank: the collateral at forced-sale value, net of senior liens</source>
        <translation>En blanco: la garantía a valor de venta forzosa, neta de gravámenes preferentes</translation>
    </message>
    <message>
        <source>Latest period</source>
        <translation>Último período</translation>
    </message>
    <message>
        <source>Sustainable monthly payment</source>
        <translation>Pago mensual sostenible</translation>
    </message>
    <message>
        <source>Lump sum the debtor could raise</source>
        <translation>Pago único que el deudor podría reunir</translation>
    </message>
    <message>
        <source>Legal route (our alternative)</source>
        <translation>Vía judicial (nuestra alternativa)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Save assumptions</source>
        <translation>Guardar supuestos</translation>
    </message>
    <message>
        <source>No statements entered yet</source>
        <translation>Aún no se han ingresado estados financieros</translation>
    </message>
    <message>
        <source>{value} present value · probability {p} % · {months} months</source>
        <translation>{value} a valor presente · probabilidad {p} % · {months} meses</translation>
    </message>
    <message>
        <source>Senior liens on {asset} (worth {value})</source>
        <translation>Gravámenes preferentes sobre {asset} (valor {value})</translation>
    </message>
    <message>
        <source>These are the default assumptions: change them and save to keep them with the case.</source>
        <translation>Estos son los supuestos predeterminados: modifíquelos y guárdelos para conservarlos con el caso.</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Exposure</source>
        <translation>Exposición</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>Días de atraso</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Tramo</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>Ejecutivo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Próxima acción</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Case…</source>
        <translation>Caso…</translation>
    </message>
    <message>
        <source>Pages of the case</source>
        <translation>Páginas del caso</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>Choose scenario</source>
        <translation>Elegir escenario</translation>
    </message>
    <message>
        <source>Negotiate “{name}”</source>
        <translation>Negociar “{name}”</translation>
    </message>
    <message>
        <source>C&amp;hoose</source>
        <translation>&amp;Elegir</translation>
    </message>
    <message>
        <source>expected present value {amount}</source>
        <translation>valor presente esperado {amount}</translation>
    </message>
    <message>
        <source>probability of completion {pct}</source>
        <translation>probabilidad de cumplimiento {pct}</translation>
    </message>
    <message>
        <source>★ This is the recommended scenario: the best expected present value among those within policy.</source>
        <translation>★ Este es el escenario recomendado: el mejor valor presente esperado entre los que están dentro de política.</translation>
    </message>
    <message>
        <source>The legal route is worth more than any scenario within policy: an expected present value of {amount}.</source>
        <translation>La vía judicial vale más que cualquier escenario dentro de política: un valor presente esperado de {amount}.</translation>
    </message>
    <message>
        <source>This is not the recommended scenario: “{best}” is, with an expected present value of {amount}.</source>
        <translation>Este no es el escenario recomendado: lo es “{best}”, con un valor presente esperado de {amount}.</translation>
    </message>
    <message>
        <source>No scenario is recommended: none within policy can be valued.</source>
        <translation>No hay escenario recomendado: ninguno dentro de política se puede valorar.</translation>
    </message>
    <message>
        <source>It is outside policy: a {level} must approve it.</source>
        <translation>Está fuera de política: debe aprobarlo un {level}.</translation>
    </message>
    <message>
        <source>Say why you prefer it.</source>
        <translation>Indique por qué lo prefiere.</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Motivo (opcional)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>e.g. The debtor confirmed in writing that this plan fits their cash flow</source>
        <translation>p. ej. El deudor confirmó por escrito que este plan se ajusta a su flujo de caja</translation>
    </message>
</context>
<context>
    <name>ColumnMemory</name>
    <message>
        <source>Fit columns to contents</source>
        <translation>Ajustar columnas al contenido</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Debtor edit</source>
        <translation>Edición del deudor</translation>
    </message>
    <message>
        <source>Payment refused</source>
        <translation>Pago rechazado</translation>
    </message>
    <message>
        <source>Interaction refused</source>
        <translation>Gestión rechazada</translation>
    </message>
    <message>
        <source>Promise refused</source>
        <translation>Promesa rechazada</translation>
    </message>
    <message>
        <source>Case reassignment</source>
        <translation>Reasignación de caso</translation>
    </message>
    <message>
        <source>Contact edit</source>
        <translation>Edición de contacto</translation>
    </message>
    <message>
        <source>Contact removal refused</source>
        <translation>Eliminación de contacto rechazada</translation>
    </message>
    <message>
        <source>Related party edit</source>
        <translation>Cambio de persona relacionada</translation>
    </message>
    <message>
        <source>Related party removal refused</source>
        <translation>Eliminación de persona relacionada rechazada</translation>
    </message>
    <message>
        <source>Financial statements edit</source>
        <translation>Edición de estados financieros</translation>
    </message>
    <message>
        <source>Financial statements removal refused</source>
        <translation>Eliminación de estados financieros rechazada</translation>
    </message>
    <message>
        <source>Financial statements import refused</source>
        <translation>Importación de estados financieros rechazada</translation>
    </message>
    <message>
        <source>Financial assumptions edit</source>
        <translation>Edición de supuestos financieros</translation>
    </message>
    <message>
        <source>Settlement scenario edit</source>
        <translation>Edición de escenario de negociación</translation>
    </message>
    <message>
        <source>Settlement scenario removal refused</source>
        <translation>Eliminación de escenario de negociación rechazada</translation>
    </message>
    <message>
        <source>Settlement scenario choice refused</source>
        <translation>Elección de escenario de negociación rechazada</translation>
    </message>
    <message>
        <source>Ratio thresholds change refused</source>
        <translation>Cambio de umbrales de razones financieras rechazado</translation>
    </message>
    <message>
        <source>Generated letter refused</source>
        <translation>Carta generada rechazada</translation>
    </message>
    <message>
        <source>Hand-off to legal refused</source>
        <translation>Envío a jurídico rechazado</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt refused</source>
        <translation>Acuse de recibo rechazado</translation>
    </message>
    <message>
        <source>Letterhead change refused</source>
        <translation>Cambio de membrete rechazado</translation>
    </message>
    <message>
        <source>Letter template change refused</source>
        <translation>Cambio de plantilla de carta rechazado</translation>
    </message>
    <message>
        <source>New payment agreement refused</source>
        <translation>Nuevo convenio de pago rechazado</translation>
    </message>
    <message>
        <source>Payment agreement edit</source>
        <translation>Edición de convenio de pago</translation>
    </message>
    <message>
        <source>Payment agreement step refused</source>
        <translation>Paso de convenio de pago rechazado</translation>
    </message>
    <message>
        <source>New version of a payment agreement refused</source>
        <translation>Nueva versión de convenio de pago rechazada</translation>
    </message>
    <message>
        <source>Approval settings change refused</source>
        <translation>Cambio de la configuración de aprobación rechazado</translation>
    </message>
    <message>
        <source>Negotiation strategy version</source>
        <translation>Versión de la estrategia de negociación</translation>
    </message>
    <message>
        <source>Strategy decision refused</source>
        <translation>Decisión de estrategia rechazada</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Nombre comercial</translation>
    </message>
    <message>
        <source>Risk rating</source>
        <translation>Calificación de riesgo</translation>
    </message>
    <message>
        <source>Economic activity</source>
        <translation>Actividad económica</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>Ejecutivo</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Phone, email or address</source>
        <translation>Teléfono, correo o dirección</translation>
    </message>
    <message>
        <source>Best hours</source>
        <translation>Mejor horario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Carácter</translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation>NIT/RFC</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Documento de identidad</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Firmantes</translation>
    </message>
    <message>
        <source>Note of the version</source>
        <translation>Nota de la versión</translation>
    </message>
    <message>
        <source>Synchronization conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Conflicts to settle</source>
        <translation>Conflictos por resolver</translation>
    </message>
    <message>
        <source>My version and the central version</source>
        <translation>Mi versión y la versión central</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>My version</source>
        <translation>Mi versión</translation>
    </message>
    <message>
        <source>Central version</source>
        <translation>Versión central</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>Usar la mía</translation>
    </message>
    <message>
        <source>Someone changed this record in the central database while you were editing it. Keep the central version, apply yours again, or tick the fields where yours should win and combine.</source>
        <translation>Otra persona modificó este registro en la base de datos central mientras usted lo editaba. Conserve la versión central, vuelva a aplicar la suya, o marque los campos en los que debe prevalecer la suya y combine.</translation>
    </message>
    <message>
        <source>The central database did not accept this record; it was not saved there.</source>
        <translation>La base de datos central no aceptó este registro; no se guardó allí.</translation>
    </message>
    <message>
        <source>Use the central one</source>
        <translation>Usar la central</translation>
    </message>
    <message>
        <source>Combine</source>
        <translation>Combinar</translation>
    </message>
    <message>
        <source>Use my version only in the ticked fields</source>
        <translation>Usar mi versión solo en los campos marcados</translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Use my version of {field}</source>
        <translation>Usar mi versión de {field}</translation>
    </message>
    <message>
        <source>{debtor} was changed in the central database meanwhile.</source>
        <translation>{debtor} se modificó mientras tanto en la base de datos central.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Agregar contacto</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Etiqueta</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Valor</translation>
    </message>
    <message>
        <source>&amp;Best hours</source>
        <translation>&amp;Mejor horario</translation>
    </message>
    <message>
        <source>e.g. Mobile, Office, Home</source>
        <translation>p. ej. Celular, Oficina, Casa</translation>
    </message>
    <message>
        <source>e.g. Weekdays 9:00–12:00</source>
        <translation>p. ej. Lunes a viernes 9:00–12:00</translation>
    </message>
    <message>
        <source>&amp;Preferred contact of this kind</source>
        <translation>Contacto &amp;preferido de este tipo</translation>
    </message>
    <message>
        <source>Marking it unmarks the debtor&apos;s other ones of its kind</source>
        <translation>Al marcarlo se desmarcan los demás de este tipo del deudor</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>e.g. +502 5555-1234</source>
        <translation>p. ej. +502 5555-1234</translation>
    </message>
    <message>
        <source>e.g. name@example.com</source>
        <translation>p. ej. nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>Street, number, zone, city</source>
        <translation>Calle, número, zona, ciudad</translation>
    </message>
    <message>
        <source>Discard what you typed in this contact?</source>
        <translation>¿Descartar lo que escribió en este contacto?</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Phone, email or address</source>
        <translation>Teléfono, correo o dirección</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>Preferido</translation>
    </message>
    <message>
        <source>Best hours</source>
        <translation>Mejor horario</translation>
    </message>
</context>
<context>
    <name>CreateDialog</name>
    <message>
        <source>New agreement</source>
        <translation>Nuevo convenio</translation>
    </message>
    <message>
        <source>New agreement from a scenario</source>
        <translation>Nuevo convenio a partir de un escenario</translation>
    </message>
    <message>
        <source>C&amp;reate draft</source>
        <translation>&amp;Crear borrador</translation>
    </message>
    <message>
        <source>The draft takes the scenario&apos;s terms; the debtor and the related parties are its signatories. Everything can be adjusted before it is sent for approval.</source>
        <translation>El borrador toma las condiciones del escenario; el deudor y las personas relacionadas son sus firmantes. Todo se puede ajustar antes de enviarlo a aprobación.</translation>
    </message>
    <message>
        <source>✔ chosen</source>
        <translation>✔ elegido</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Escenario</translation>
    </message>
    <message>
        <source>The case has no scenarios: add one under “Financial analysis → Scenarios” first.</source>
        <translation>El caso no tiene escenarios: primero agregue uno en “Análisis financiero → Escenarios”.</translation>
    </message>
    <message>
        <source>By {author}, {when}</source>
        <translation>Por {author}, {when}</translation>
    </message>
    <message>
        <source>Why it was chosen: {reason}</source>
        <translation>Motivo de la elección: {reason}</translation>
    </message>
</context>
<context>
    <name>DebtorPage</name>
    <message>
        <source>Debtor</source>
        <translation>Deudor</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Contacts of the debtor</source>
        <translation>Contactos del deudor</translation>
    </message>
    <message>
        <source>A&amp;dd contact…</source>
        <translation>Agregar c&amp;ontacto…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Quitar contacto</translation>
    </message>
    <message>
        <source>Remove the contact {value} of {debtor}?</source>
        <translation>¿Quitar el contacto {value} de {debtor}?</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Add decision</source>
        <translation>Agregar decisión</translation>
    </message>
    <message>
        <source>New decision · {case}</source>
        <translation>Nueva decisión · {case}</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>De&amp;cision</source>
        <translation>&amp;Decisión</translation>
    </message>
    <message>
        <source>What was decided, by whom, and why (Ctrl+Enter saves)</source>
        <translation>Qué se decidió, quién lo decidió y por qué (Ctrl+Enter guarda)</translation>
    </message>
</context>
<context>
    <name>DecisionsView</name>
    <message>
        <source>&amp;Add decision…</source>
        <translation>A&amp;gregar decisión…</translation>
    </message>
    <message>
        <source>Add decision</source>
        <translation>Agregar decisión</translation>
    </message>
    <message>
        <source>Decisions of the strategy</source>
        <translation>Decisiones de la estrategia</translation>
    </message>
    <message>
        <source>The decision selected, in full</source>
        <translation>La decisión seleccionada, completa</translation>
    </message>
    <message>
        <source>No decision recorded yet.</source>
        <translation>Aún no se ha registrado ninguna decisión.</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decisión</numerusform>
            <numerusform>%n decisiones</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} · recorded by {author} on {when}</source>
        <translation>{date} · registrada por {author} el {when}</translation>
    </message>
    <message>
        <source>You may read this case&apos;s decisions but not add to them</source>
        <translation>Puede consultar las decisiones de este caso, pero no agregar nuevas</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>&amp;Generate letter…</source>
        <translation>&amp;Generar carta…</translation>
    </message>
    <message>
        <source>Send to &amp;legal…</source>
        <translation>Enviar a &amp;jurídico…</translation>
    </message>
    <message>
        <source>Save to &amp;folder…</source>
        <translation>Guardar en &amp;carpeta…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>Copiar SHA-256</translation>
    </message>
    <message>
        <source>Generate letter…</source>
        <translation>Generar carta…</translation>
    </message>
    <message>
        <source>Print the document…</source>
        <translation>Imprimir el documento…</translation>
    </message>
    <message>
        <source>Copy the document&apos;s SHA-256</source>
        <translation>Copiar el SHA-256 del documento</translation>
    </message>
    <message>
        <source>Documents of the case</source>
        <translation>Documentos del caso</translation>
    </message>
    <message>
        <source>Details of the selected document</source>
        <translation>Detalles del documento seleccionado</translation>
    </message>
    <message>
        <source>No documents yet: generate a letter.</source>
        <translation>Aún no hay documentos: genere una carta.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), newest first</source>
        <translation>
            <numerusform>%n documento, el más reciente primero</numerusform>
            <numerusform>%n documentos, los más recientes primero</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind} {number} · template {template} v{version} · {when} by {author}</source>
        <translation>{kind} {number} · plantilla {template} v{version} · {when} por {author}</translation>
    </message>
    <message>
        <source>{number} generated.</source>
        <translation>{number} generado.</translation>
    </message>
    <message>
        <source>Sent to legal.</source>
        <translation>Enviado a jurídico.</translation>
    </message>
    <message>
        <source>Save to folder</source>
        <translation>Guardar en carpeta</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Guardado como {path}</translation>
    </message>
    <message>
        <source>Print document</source>
        <translation>Imprimir documento</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n página enviada a la impresora.</numerusform>
            <numerusform>%n páginas enviadas a la impresora.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>No se pudo usar la impresora.</translation>
    </message>
    <message>
        <source>SHA-256 copied.</source>
        <translation>SHA-256 copiado.</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Contact</source>
        <translation>Gestión</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Promesa</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>vence el {date}</translation>
    </message>
</context>
<context>
    <name>FatalError</name>
    <message>
        <source>VIP Desk cannot start.</source>
        <translation>VIP Desk no puede iniciar.</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <source>Financial analysis</source>
        <translation>Análisis financiero</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Estados financieros</translation>
    </message>
    <message>
        <source>Ratios</source>
        <translation>Razones financieras</translation>
    </message>
    <message>
        <source>Capacity to pay</source>
        <translation>Capacidad de pago</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Escenarios</translation>
    </message>
    <message>
        <source>Parts of the financial analysis</source>
        <translation>Secciones del análisis financiero</translation>
    </message>
    <message>
        <source>Loading the financial analysis…</source>
        <translation>Cargando el análisis financiero…</translation>
    </message>
    <message>
        <source>Amounts in {currency} · exposure {exposure} · as of {date}</source>
        <translation>Montos en {currency} · exposición {exposure} · al {date}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Problem with the form</source>
        <translation>Problema con el formulario</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>¿Descartar lo que escribió?</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate letter</source>
        <translation>Generar carta</translation>
    </message>
    <message>
        <source>Generate letter · {case}</source>
        <translation>Generar carta · {case}</translation>
    </message>
    <message>
        <source>&amp;Letter</source>
        <translation>&amp;Carta</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <source>Generating the letter…</source>
        <translation>Generando la carta…</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Send to legal</source>
        <translation>Enviar a jurídico</translation>
    </message>
    <message>
        <source>Send {number} to legal</source>
        <translation>Enviar {number} a jurídico</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Note for legal</source>
        <translation>&amp;Nota para jurídico</translation>
    </message>
    <message>
        <source>What legal should know (optional)</source>
        <translation>Lo que jurídico debe saber (opcional)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Choose a version to see what it changed, or two (Ctrl+click) to compare them.</source>
        <translation>Elija una versión para ver qué cambió, o dos (Ctrl+clic) para compararlas.</translation>
    </message>
    <message>
        <source>Saved versions of the strategy</source>
        <translation>Versiones guardadas de la estrategia</translation>
    </message>
    <message>
        <source>What changed between the versions chosen</source>
        <translation>Qué cambió entre las versiones elegidas</translation>
    </message>
    <message>
        <source>No version saved yet.</source>
        <translation>Aún no se ha guardado ninguna versión.</translation>
    </message>
    <message>
        <source>Version {version}, the first one: everything it wrote</source>
        <translation>Versión {version}, la primera: todo su contenido</translation>
    </message>
    <message>
        <source>From version {older} ({older_by}, {older_on}) to version {newer} ({newer_by}, {newer_on})</source>
        <translation>De la versión {older} ({older_by}, {older_on}) a la versión {newer} ({newer_by}, {newer_on})</translation>
    </message>
    <message>
        <source>From version {version} ({author}) to your unsaved text</source>
        <translation>De la versión {version} ({author}) a su texto sin guardar</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message>
        <source>No section changed.</source>
        <translation>Ninguna sección cambió.</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation>NIT/RFC</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Documento de identidad</translation>
    </message>
    <message>
        <source>&amp;Trade name</source>
        <translation>Nombre &amp;comercial</translation>
    </message>
    <message>
        <source>&amp;Risk rating</source>
        <translation>Calificación de &amp;riesgo</translation>
    </message>
    <message>
        <source>Economic &amp;activity</source>
        <translation>&amp;Actividad económica</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the debtor&apos;s changes (Ctrl+S)</source>
        <translation>Guardar los cambios del deudor (Ctrl+S)</translation>
    </message>
    <message>
        <source>D&amp;iscard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message>
        <source>Show the debtor as it is now; your edits are lost</source>
        <translation>Mostrar el deudor como está ahora; sus cambios se pierden</translation>
    </message>
    <message>
        <source>Someone else changed this debtor since you opened it, so your changes were not saved. Reload to see their version (your edits will be lost), or copy what you need first.</source>
        <translation>Otra persona modificó este deudor desde que usted lo abrió, así que sus cambios no se guardaron. Vuelva a cargar para ver la otra versión (sus cambios se perderán), o copie antes lo que necesite.</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>New contact</source>
        <translation>Nueva gestión</translation>
    </message>
    <message>
        <source>New contact · {case}</source>
        <translation>Nueva gestión · {case}</translation>
    </message>
    <message>
        <source>Date and &amp;time</source>
        <translation>Fecha y &amp;hora</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>Contact &amp;reached</source>
        <translation>Contacto &amp;localizado</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>Duration (&amp;minutes)</source>
        <translation>Duración (&amp;minutos)</translation>
    </message>
    <message>
        <source>Ne&amp;xt action</source>
        <translation>Próxima &amp;acción</translation>
    </message>
    <message>
        <source>Next action d&amp;ate</source>
        <translation>F&amp;echa de la próxima acción</translation>
    </message>
    <message>
        <source>Amount &amp;promised</source>
        <translation>Monto &amp;prometido</translation>
    </message>
    <message>
        <source>Promise d&amp;ue date</source>
        <translation>&amp;Vencimiento de la promesa</translation>
    </message>
    <message>
        <source>Choose the outcome…</source>
        <translation>Elija el resultado…</translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation>Quién atendió</translation>
    </message>
    <message>
        <source>What was said, what was agreed</source>
        <translation>Qué se habló, qué se acordó</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>For example: call again</source>
        <translation>Por ejemplo: volver a llamar</translation>
    </message>
    <message>
        <source>Promise to pay</source>
        <translation>Promesa de pago</translation>
    </message>
    <message>
        <source>At most {maximum}</source>
        <translation>Como máximo {maximum}</translation>
    </message>
    <message>
        <source>Promised on {date}</source>
        <translation>Prometida el {date}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>The contact was saved; correct the promise and save again.</source>
        <translation>La gestión quedó guardada; corrija la promesa y vuelva a guardar.</translation>
    </message>
</context>
<context>
    <name>InteractionsPage</name>
    <message>
        <source>Contacts</source>
        <translation>Gestiones</translation>
    </message>
    <message>
        <source>No contacts logged yet.</source>
        <translation>Aún no hay gestiones registradas.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s), newest first</source>
        <translation>
            <numerusform>%n gestión, la más reciente primero</numerusform>
            <numerusform>%n gestiones, la más reciente primero</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New contact</source>
        <translation>&amp;Nueva gestión</translation>
    </message>
    <message>
        <source>Log a contact with the debtor (Ctrl+N)</source>
        <translation>Registrar una gestión con el deudor (Ctrl+N)</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nueva gestión</translation>
    </message>
    <message>
        <source>Contacts of the case</source>
        <translation>Gestiones del caso</translation>
    </message>
    <message>
        <source>Selected contact</source>
        <translation>Gestión seleccionada</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Contact reached</source>
        <translation>Contacto localizado</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Próxima acción</translation>
    </message>
    <message>
        <source>Notes of the selected contact</source>
        <translation>Notas de la gestión seleccionada</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>{when} · {how} · by {who}</source>
        <translation>{when} · {how} · por {who}</translation>
    </message>
</context>
<context>
    <name>LegalInboxPage</name>
    <message>
        <source>Received</source>
        <translation>Recibidos</translation>
    </message>
    <message>
        <source>Documents received from collections</source>
        <translation>Documentos recibidos de cobranza</translation>
    </message>
    <message>
        <source>Check each one against its SHA-256, then acknowledge it</source>
        <translation>Verifique cada uno con su SHA-256 y luego acuse recibo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>Documentos recibidos</translation>
    </message>
    <message>
        <source>Enter or double-click opens the case</source>
        <translation>Enter o doble clic abre el caso</translation>
    </message>
    <message>
        <source>Details of the selected document</source>
        <translation>Detalles del documento seleccionado</translation>
    </message>
    <message>
        <source>&amp;Acknowledge receipt</source>
        <translation>Acusar &amp;recibo</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>Abrir &amp;caso</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>Copiar SHA-256</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acusar recibo</translation>
    </message>
    <message>
        <source>Acknowledge receipt (Ctrl+K)</source>
        <translation>Acusar recibo (Ctrl+K)</translation>
    </message>
    <message>
        <source>Inbox counts</source>
        <translation>Conteo de la bandeja de entrada</translation>
    </message>
    <message>
        <source>Nothing received from collections yet.</source>
        <translation>Aún no se ha recibido nada de cobranza.</translation>
    </message>
    <message numerus="yes">
        <source>%n to acknowledge</source>
        <translation>
            <numerusform>%n por acusar recibo</numerusform>
            <numerusform>%n por acusar recibo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n recibido</numerusform>
            <numerusform>%n recibidos</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} · case {case} · {debtor}</source>
        <translation>{number} · caso {case} · {debtor}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>Receipt of {number} acknowledged.</source>
        <translation>Se acusó recibo de {number}.</translation>
    </message>
    <message>
        <source>SHA-256 copied.</source>
        <translation>SHA-256 copiado.</translation>
    </message>
</context>
<context>
    <name>LetterBatchDialog</name>
    <message>
        <source>Generate letters in batch</source>
        <translation>Generar cartas en lote</translation>
    </message>
    <message>
        <source>&amp;Letter</source>
        <translation>&amp;Carta</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Save in &amp;folder</source>
        <translation>Guardar en car&amp;peta</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message numerus="yes">
        <source>The %n case(s) listed in the portfolio now</source>
        <translation>
            <numerusform>%n caso listado ahora en la cartera</numerusform>
            <numerusform>%n casos listados ahora en la cartera</numerusform>
        </translation>
    </message>
    <message>
        <source>All my cases</source>
        <translation>Todos mis casos</translation>
    </message>
    <message>
        <source>Folder to save the letters in</source>
        <translation>Carpeta donde guardar las cartas</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Progress of the batch</source>
        <translation>Avance del lote</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save in folder</source>
        <translation>Guardar en carpeta</translation>
    </message>
    <message>
        <source>Choose an existing folder to save the letters in.</source>
        <translation>Elija una carpeta existente donde guardar las cartas.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>{done} of {total} · about {seconds} s left</source>
        <translation>{done} de {total} · quedan unos {seconds} s</translation>
    </message>
    <message>
        <source>Cancelling after the letter under way…</source>
        <translation>Cancelando después de la carta en curso…</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) generated</source>
        <translation>
            <numerusform>%n carta generada</numerusform>
            <numerusform>%n cartas generadas</numerusform>
        </translation>
    </message>
    <message>
        <source>{ms} ms per letter, {seconds} s in all</source>
        <translation>{ms} ms por carta, {seconds} s en total</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n rechazada</numerusform>
            <numerusform>%n rechazadas</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled before the end</source>
        <translation>cancelado antes de terminar</translation>
    </message>
    <message>
        <source>Saved in {folder}</source>
        <translation>Guardadas en {folder}</translation>
    </message>
</context>
<context>
    <name>LetterTemplatesDialog</name>
    <message>
        <source>Letter templates</source>
        <translation>Plantillas de cartas</translation>
    </message>
    <message>
        <source>Each letter is printed from its template. Names in curly braces, such as {debtor_name}, are filled with the case&apos;s data, [[blocks]] print tables and signatures, [[if …]] … [[end]] prints a part only when it applies, and **text** is bold. Raise the version on the first line with every change: each document records the version it was made with.</source>
        <translation>Cada carta se imprime a partir de su plantilla. Los nombres entre llaves, como {debtor_name}, se completan con los datos del caso; los [[bloques]] imprimen tablas y firmas; [[if …]] … [[end]] imprime una parte solo cuando corresponde, y **texto** va en negrita. Aumente la versión en la primera línea con cada cambio: cada documento registra la versión con la que se generó.</translation>
    </message>
    <message>
        <source>Kind of letter</source>
        <translation>Tipo de carta</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Texto de la plantilla</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>Vista &amp;previa</translation>
    </message>
    <message>
        <source>A sample letter printed with this text (Ctrl+P)</source>
        <translation>Una carta de ejemplo impresa con este texto (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Restore the original</source>
        <translation>&amp;Restaurar el original</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>&amp;Guardar plantilla</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>edited by an administrator</source>
        <translation>editada por un administrador</translation>
    </message>
    <message>
        <source>as shipped</source>
        <translation>original</translation>
    </message>
    <message>
        <source>Version {version} · {origin}</source>
        <translation>Versión {version} · {origin}</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>cambios sin guardar</translation>
    </message>
    <message>
        <source>Go back to the template shipped with VIP Desk? Your edits to this one are lost.</source>
        <translation>¿Volver a la plantilla original de VIP Desk? Se perderán las modificaciones que hizo en esta.</translation>
    </message>
    <message numerus="yes">
        <source>Discard the unsaved changes to %n template(s)?</source>
        <translation>
            <numerusform>¿Descartar los cambios sin guardar de %n plantilla?</numerusform>
            <numerusform>¿Descartar los cambios sin guardar de %n plantillas?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>Guatemala (NIT)</source>
        <translation>Guatemala (NIT)</translation>
    </message>
    <message>
        <source>Mexico (RFC)</source>
        <translation>México (RFC)</translation>
    </message>
    <message>
        <source>Letterhead and logo</source>
        <translation>Membrete y logotipo</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Empresa</translation>
    </message>
    <message>
        <source>Le&amp;gal name</source>
        <translation>Razón &amp;social</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <source>&amp;Tax id</source>
        <translation>NIT/R&amp;FC</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>C&amp;iudad</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>C&amp;orreo</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Sitio &amp;web</translation>
    </message>
    <message>
        <source>Where debtors may &amp;complain</source>
        <translation>Dónde pueden presentar &amp;quejas los deudores</translation>
    </message>
    <message>
        <source>Signs agreements: &amp;name</source>
        <translation>Firma los convenios: &amp;nombre</translation>
    </message>
    <message>
        <source>Signatory&apos;s identity &amp;document</source>
        <translation>Doc&amp;umento de identidad del firmante</translation>
    </message>
    <message>
        <source>Signatory&apos;s capacit&amp;y</source>
        <translation>Ca&amp;rácter del firmante</translation>
    </message>
    <message>
        <source>The creditor&apos;s bank accounts, where debtors pay</source>
        <translation>Cuentas bancarias del acreedor, donde pagan los deudores</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banco</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>{currency}: bank</source>
        <translation>{currency}: banco</translation>
    </message>
    <message>
        <source>{currency}: account</source>
        <translation>{currency}: cuenta</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>C&amp;hoose logo…</source>
        <translation>Ele&amp;gir logotipo…</translation>
    </message>
    <message>
        <source>&amp;Remove logo</source>
        <translation>Quitar &amp;logotipo</translation>
    </message>
    <message>
        <source>Choose logo</source>
        <translation>Elegir logotipo</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Quitar logotipo</translation>
    </message>
    <message>
        <source>PNG or JPEG, at most 512 KB.</source>
        <translation>PNG o JPEG, de 512 KB como máximo.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>No se pudo leer el archivo: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VIP Desk — Portfolio</source>
        <translation>VIP Desk — Cartera</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Cartera</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>Mi día</translation>
    </message>
    <message>
        <source>Follow-ups and promises falling due</source>
        <translation>Seguimientos y promesas por vencer</translation>
    </message>
    <message>
        <source>Close case tab</source>
        <translation>Cerrar la pestaña del caso</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Aprobaciones</translation>
    </message>
    <message>
        <source>Agreements waiting for your approval</source>
        <translation>Convenios en espera de su aprobación</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibidos</translation>
    </message>
    <message>
        <source>Documents sent to legal by collections</source>
        <translation>Documentos enviados a jurídico por cobranza</translation>
    </message>
    <message>
        <source>{case} has unsaved changes. Close it and discard them?</source>
        <translation>{case} tiene cambios sin guardar. ¿Cerrarlo y descartarlos?</translation>
    </message>
    <message>
        <source>Search by debtor, NIT/RFC or account number</source>
        <translation>Buscar por deudor, NIT/RFC o número de cuenta</translation>
    </message>
    <message>
        <source>Search the portfolio</source>
        <translation>Buscar en la cartera</translation>
    </message>
    <message>
        <source>Search by debtor, NIT/RFC or account number (Ctrl+F)</source>
        <translation>Buscar por deudor, NIT/RFC o número de cuenta (Ctrl+F)</translation>
    </message>
    <message>
        <source>Portfolio cases</source>
        <translation>Casos de la cartera</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No cases match your search and filters.</source>
        <translation>Ningún caso coincide con su búsqueda y filtros.</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Usuario con sesión iniciada</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Base de datos central</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>Número de casos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Synchronize now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>&amp;Forget this computer…</source>
        <translation>&amp;Olvidar este equipo…</translation>
    </message>
    <message>
        <source>Ratio &amp;thresholds…</source>
        <translation>&amp;Umbrales de las razones…</translation>
    </message>
    <message>
        <source>&amp;Letterhead and logo…</source>
        <translation>&amp;Membrete y logotipo…</translation>
    </message>
    <message>
        <source>Letter te&amp;mplates…</source>
        <translation>&amp;Plantillas de cartas…</translation>
    </message>
    <message>
        <source>Generate &amp;letters in batch…</source>
        <translation>Generar cartas en &amp;lote…</translation>
    </message>
    <message>
        <source>&amp;Approval policy…</source>
        <translation>Política de apro&amp;bación…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About VIP Desk</source>
        <translation>&amp;Acerca de VIP Desk</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) exported to {path}</source>
        <translation>
            <numerusform>%Ln caso exportado a {path}</numerusform>
            <numerusform>%Ln casos exportados a {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Cases assigned to you</source>
        <translation>Casos asignados a usted</translation>
    </message>
    <message>
        <source>Cases of your team: {team}</source>
        <translation>Casos de su equipo: {team}</translation>
    </message>
    <message>
        <source>Cases escalated to legal</source>
        <translation>Casos trasladados a jurídico</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Todos los casos</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln caso</numerusform>
            <numerusform>%Ln casos</numerusform>
        </translation>
    </message>
    <message>
        <source>No cases match your search.</source>
        <translation>Ningún caso coincide con la búsqueda.</translation>
    </message>
    <message>
        <source>There are no cases in your portfolio.</source>
        <translation>No hay casos en su cartera.</translation>
    </message>
    <message>
        <source>Forget this computer</source>
        <translation>Olvidar este equipo</translation>
    </message>
    <message>
        <source>Forget this computer?</source>
        <translation>¿Olvidar este equipo?</translation>
    </message>
    <message>
        <source>Your encrypted local cache and its key are destroyed on this computer. The next time you sign in, the cache is rebuilt from the central database.</source>
        <translation>Su caché local cifrada y su clave se destruyen en este equipo. La próxima vez que inicie sesión, la caché se reconstruirá desde la base de datos central.</translation>
    </message>
    <message>
        <source>1 change not yet synchronized will be lost. Synchronize first (F5) if the central database is reachable.</source>
        <translation>Se perderá 1 cambio aún no sincronizado. Sincronice primero (F5) si la base de datos central está disponible.</translation>
    </message>
    <message>
        <source>{count} changes not yet synchronized will be lost. Synchronize first (F5) if the central database is reachable.</source>
        <translation>Se perderán {count} cambios aún no sincronizados. Sincronice primero (F5) si la base de datos central está disponible.</translation>
    </message>
    <message>
        <source>Next action date</source>
        <translation>Fecha de próxima acción</translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation>&amp;Exportar lista…</translation>
    </message>
    <message>
        <source>Save the cases listed now, in this order, to Excel or CSV</source>
        <translation>Guardar los casos de la lista actual, en este orden, en Excel o CSV</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV, separado por comas (*.csv)</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>cartera</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Exportar lista</translation>
    </message>
    <message>
        <source>Exporting cases…</source>
        <translation>Exportando casos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Reassign case…</source>
        <translation>&amp;Reasignar caso…</translation>
    </message>
    <message>
        <source>Hand the selected case to another executive of the team</source>
        <translation>Entregar el caso seleccionado a otro ejecutivo del equipo</translation>
    </message>
</context>
<context>
    <name>ObligationsModel</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tasa</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Capital</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interés</translation>
    </message>
    <message>
        <source>Default interest</source>
        <translation>Interés moratorio</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Comisiones</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>Días de atraso</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Garantía</translation>
    </message>
    <message>
        <source>Contract {number}</source>
        <translation>Contrato {number}</translation>
    </message>
</context>
<context>
    <name>ObligationsPage</name>
    <message>
        <source>Obligations</source>
        <translation>Obligaciones</translation>
    </message>
    <message>
        <source>Obligations of the case</source>
        <translation>Obligaciones del caso</translation>
    </message>
</context>
<context>
    <name>OpenProgressDialog</name>
    <message>
        <source>Preparing your encrypted cache…</source>
        <translation>Preparando su caché cifrada…</translation>
    </message>
    <message>
        <source>Progress of the local cache</source>
        <translation>Avance de la caché local</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel preparing the cache</source>
        <translation>Cancelar la preparación de la caché</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>PartiesBox</name>
    <message>
        <source>Related parties</source>
        <translation>Personas relacionadas</translation>
    </message>
    <message>
        <source>Guarantors, legal representatives and co-debtors</source>
        <translation>Avales, representantes legales y codeudores</translation>
    </message>
    <message>
        <source>Add &amp;party…</source>
        <translation>Agregar &amp;persona…</translation>
    </message>
    <message>
        <source>Edit part&amp;y…</source>
        <translation>Editar perso&amp;na…</translation>
    </message>
    <message>
        <source>Rem&amp;ove party</source>
        <translation>Quitar pers&amp;ona</translation>
    </message>
    <message>
        <source>Remove related party</source>
        <translation>Quitar persona relacionada</translation>
    </message>
    <message>
        <source>Remove {name} ({role}) from the related parties of {debtor}?</source>
        <translation>¿Quitar a {name} ({role}) de las personas relacionadas con {debtor}?</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Edit related party</source>
        <translation>Editar persona relacionada</translation>
    </message>
    <message>
        <source>Add related party</source>
        <translation>Agregar persona relacionada</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Calidad</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>C&amp;apacity</source>
        <translation>C&amp;arácter</translation>
    </message>
    <message>
        <source>&amp;Tax id</source>
        <translation>NIT/R&amp;FC</translation>
    </message>
    <message>
        <source>I&amp;dentity document</source>
        <translation>&amp;Documento de identidad</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>C&amp;orreo</translation>
    </message>
    <message>
        <source>Full name, or the company&apos;s legal name</source>
        <translation>Nombre completo, o la razón social de la empresa</translation>
    </message>
    <message>
        <source>e.g. Sole administrator, spouse, partner</source>
        <translation>p. ej. Administrador único, cónyuge, socio</translation>
    </message>
    <message>
        <source>NIT, e.g. {example}</source>
        <translation>NIT, p. ej. {example}</translation>
    </message>
    <message>
        <source>DPI, 13 digits</source>
        <translation>DPI, 13 dígitos</translation>
    </message>
    <message>
        <source>RFC, e.g. {example}</source>
        <translation>RFC, p. ej. {example}</translation>
    </message>
    <message>
        <source>CURP, e.g. {example}</source>
        <translation>CURP, p. ej. {example}</translation>
    </message>
    <message>
        <source>e.g. +502 5555-1234</source>
        <translation>p. ej. +502 5555-1234</translation>
    </message>
    <message>
        <source>e.g. name@example.com</source>
        <translation>p. ej. nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Discard what you typed in this related party?</source>
        <translation>¿Descartar lo que escribió en esta persona relacionada?</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase of this computer</source>
        <translation>Frase de contraseña de este equipo</translation>
    </message>
    <message>
        <source>This computer has no system keychain: the VIP Desk database on it is encrypted with a passphrase.</source>
        <translation>Este equipo no tiene llavero del sistema: la base de datos de VIP Desk que guarda se cifra con una frase de contraseña.</translation>
    </message>
    <message>
        <source>Choose one of at least {n} characters and keep it safe: without it, the data on this computer cannot be opened.</source>
        <translation>Elija una de al menos {n} caracteres y guárdela en lugar seguro: sin ella, los datos de este equipo no se pueden abrir.</translation>
    </message>
    <message>
        <source>Enter it to open VIP Desk.</source>
        <translation>Escríbala para abrir VIP Desk.</translation>
    </message>
    <message>
        <source>Passphrase of your local cache</source>
        <translation>Frase de contraseña de su caché local</translation>
    </message>
    <message>
        <source>This computer has no system keychain: your cache is encrypted with a passphrase.</source>
        <translation>Este equipo no tiene llavero del sistema: su caché se cifra con una frase de contraseña.</translation>
    </message>
    <message>
        <source>Choose one of at least {n} characters. If you forget it, the cache is simply rebuilt from the central database.</source>
        <translation>Elija una de al menos {n} caracteres. Si la olvida, la caché simplemente se reconstruye desde la base de datos central.</translation>
    </message>
    <message>
        <source>Enter it to open your cache.</source>
        <translation>Ingrésela para abrir su caché.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Repetir</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>Al menos {n} caracteres</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>La misma frase otra vez</translation>
    </message>
    <message>
        <source>Problem with the passphrase</source>
        <translation>Problema con la frase de contraseña</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Ingrese la frase de contraseña.</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>La frase de contraseña debe tener al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record payment</source>
        <translation>Registrar pago</translation>
    </message>
    <message>
        <source>Record payment · {case}</source>
        <translation>Registrar pago · {case}</translation>
    </message>
    <message>
        <source>O&amp;bligation</source>
        <translation>O&amp;bligación</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Monto</translation>
    </message>
    <message>
        <source>&amp;Paid on</source>
        <translation>&amp;Fecha de pago</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>Mé&amp;todo</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <source>Bank reference, receipt or check number</source>
        <translation>Referencia bancaria, recibo o número de cheque</translation>
    </message>
    <message>
        <source>Most overdue first ({account})</source>
        <translation>La más atrasada primero ({account})</translation>
    </message>
    <message>
        <source>At most {maximum}</source>
        <translation>Como máximo {maximum}</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>No payments recorded yet.</source>
        <translation>Aún no hay pagos registrados.</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), newest first</source>
        <translation>
            <numerusform>%n pago, el más reciente primero</numerusform>
            <numerusform>%n pagos, el más reciente primero</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Record payment</source>
        <translation>&amp;Registrar pago</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>Registrar pago</translation>
    </message>
    <message>
        <source>Payments of the case</source>
        <translation>Pagos del caso</translation>
    </message>
    <message>
        <source>How the selected payment was applied</source>
        <translation>Cómo se aplicó el pago seleccionado</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Comisiones</translation>
    </message>
    <message>
        <source>Default interest</source>
        <translation>Intereses moratorios</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Capital</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Zoom so the page fills the width</source>
        <translation>Ajustar el zoom para que la página ocupe todo el ancho</translation>
    </message>
    <message>
        <source>Zoom so a whole page is seen</source>
        <translation>Ajustar el zoom para ver la página completa</translation>
    </message>
    <message>
        <source>Preview of the document</source>
        <translation>Vista previa del documento</translation>
    </message>
    <message>
        <source>Select a document to see it here.</source>
        <translation>Seleccione un documento para verlo aquí.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Add period</source>
        <translation>Agregar período</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Etiqueta</translation>
    </message>
    <message>
        <source>Period &amp;ends on</source>
        <translation>&amp;Cierre del período</translation>
    </message>
    <message>
        <source>&amp;Months covered</source>
        <translation>&amp;Meses que abarca</translation>
    </message>
    <message>
        <source>e.g. 2025, Q1 2026, June 2026</source>
        <translation>p. ej. 2025, T1 2026, junio 2026</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Enter a label for the period</source>
        <translation>Escriba una etiqueta para el período</translation>
    </message>
    <message>
        <source>The label cannot hold control characters</source>
        <translation>La etiqueta no puede contener caracteres de control</translation>
    </message>
    <message>
        <source>Another period already ends on this day</source>
        <translation>Ya hay otro período que termina en esta fecha</translation>
    </message>
</context>
<context>
    <name>PortfolioFilters</name>
    <message>
        <source>Saved views</source>
        <translation>Vistas guardadas</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Guardar vista</translation>
    </message>
    <message>
        <source>Type a name for the view.</source>
        <translation>Escriba un nombre para la vista.</translation>
    </message>
    <message>
        <source>A view named “{name}” already exists. Replace it?</source>
        <translation>Ya existe una vista llamada «{name}». ¿Desea reemplazarla?</translation>
    </message>
    <message>
        <source>Delete the view “{name}”?</source>
        <translation>¿Eliminar la vista «{name}»?</translation>
    </message>
    <message>
        <source>Name of the view (the search, filters and sort order):</source>
        <translation>Nombre de la vista (búsqueda, filtros y orden):</translation>
    </message>
    <message>
        <source>Name of the view</source>
        <translation>Nombre de la vista</translation>
    </message>
    <message>
        <source>All buckets</source>
        <translation>Todos los tramos</translation>
    </message>
    <message>
        <source>Filter by delinquency bucket</source>
        <translation>Filtrar por tramo de mora</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Filter by case status</source>
        <translation>Filtrar por estado del caso</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>Todas las monedas</translation>
    </message>
    <message>
        <source>Filter by currency</source>
        <translation>Filtrar por moneda</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>Todos los segmentos</translation>
    </message>
    <message>
        <source>Filter by segment</source>
        <translation>Filtrar por segmento</translation>
    </message>
    <message>
        <source>Next action: any</source>
        <translation>Próxima acción: todas</translation>
    </message>
    <message>
        <source>Filter by next action date</source>
        <translation>Filtrar por fecha de la próxima acción</translation>
    </message>
    <message>
        <source>Promise due this week</source>
        <translation>Promesa vence esta semana</translation>
    </message>
    <message>
        <source>Cases with a pending promise to pay due between Monday and Sunday</source>
        <translation>Casos con una promesa de pago pendiente que vence entre el lunes y el domingo</translation>
    </message>
    <message>
        <source>Only promises due this week</source>
        <translation>Solo promesas que vencen esta semana</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Show every case again (the search stays)</source>
        <translation>Mostrar de nuevo todos los casos (la búsqueda se mantiene)</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Quitar los filtros</translation>
    </message>
    <message>
        <source>Show a saved view: its search, filters and sort</source>
        <translation>Mostrar una vista guardada: su búsqueda, filtros y orden</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Guardar vista…</translation>
    </message>
    <message>
        <source>Save this view</source>
        <translation>Guardar esta vista</translation>
    </message>
    <message>
        <source>Save the search, filters and sort under a name</source>
        <translation>Guardar la búsqueda, los filtros y el orden con un nombre</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Eliminar vista</translation>
    </message>
    <message>
        <source>Delete the chosen saved view</source>
        <translation>Eliminar la vista guardada elegida</translation>
    </message>
    <message>
        <source>Next action: due today</source>
        <translation>Próxima acción: vence hoy</translation>
    </message>
    <message>
        <source>Next action: overdue</source>
        <translation>Próxima acción: vencida</translation>
    </message>
    <message>
        <source>Next action: today or overdue</source>
        <translation>Próxima acción: hoy o vencida</translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Case file number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>Deudor</translation>
    </message>
    <message>
        <source>Person or company that owes the debt</source>
        <translation>Persona o empresa que adeuda</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Company or individual</source>
        <translation>Empresa o persona individual</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Currency of the case</source>
        <translation>Moneda del caso</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposición</translation>
    </message>
    <message>
        <source>Total owed: principal, interest and fees</source>
        <translation>Total adeudado: capital, intereses y cargos</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>Días de atraso</translation>
    </message>
    <message>
        <source>Days since the oldest unpaid instalment</source>
        <translation>Días desde la cuota impaga más antigua</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Tramo</translation>
    </message>
    <message>
        <source>Delinquency bucket by days past due</source>
        <translation>Tramo de mora según los días de atraso</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Last logged interaction with the debtor</source>
        <translation>Última gestión registrada con el deudor</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Próxima acción</translation>
    </message>
    <message>
        <source>Date of the next planned action (red: overdue)</source>
        <translation>Fecha de la próxima acción planificada (en rojo: vencida)</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Promesa</translation>
    </message>
    <message>
        <source>Status of the latest promise to pay</source>
        <translation>Estado de la última promesa de pago</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Score from 0 to 100: work the highest first</source>
        <translation>Puntaje de 0 a 100: atienda primero los más altos</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>Ejecutivo</translation>
    </message>
    <message>
        <source>Executive in charge of the case</source>
        <translation>Ejecutivo a cargo del caso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Stage of the case</source>
        <translation>Etapa del caso</translation>
    </message>
    <message>
        <source>No contact logged yet</source>
        <translation>Aún no hay gestiones registradas</translation>
    </message>
    <message>
        <source>No action planned</source>
        <translation>Sin acción planificada</translation>
    </message>
    <message>
        <source>Overdue: {action}</source>
        <translation>Vencida: {action}</translation>
    </message>
    <message>
        <source>Priority {score} of 100</source>
        <translation>Prioridad {score} de 100</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>New promise</source>
        <translation>Nueva promesa</translation>
    </message>
    <message>
        <source>New promise · {case}</source>
        <translation>Nueva promesa · {case}</translation>
    </message>
    <message>
        <source>&amp;Amount promised</source>
        <translation>&amp;Monto prometido</translation>
    </message>
    <message>
        <source>&amp;Due date</source>
        <translation>&amp;Vencimiento</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>At most {maximum}</source>
        <translation>Como máximo {maximum}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Promised on {date}</source>
        <translation>Prometida el {date}</translation>
    </message>
</context>
<context>
    <name>PromisesPage</name>
    <message>
        <source>Promises</source>
        <translation>Promesas</translation>
    </message>
    <message>
        <source>No promises recorded yet.</source>
        <translation>Aún no hay promesas registradas.</translation>
    </message>
    <message numerus="yes">
        <source>%n promise(s)</source>
        <translation>
            <numerusform>%n promesa</numerusform>
            <numerusform>%n promesas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promise(s) · {pending} pending</source>
        <translation>
            <numerusform>%n promesa · {pending} pendientes</numerusform>
            <numerusform>%n promesas · {pending} pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New promise</source>
        <translation>&amp;Nueva promesa</translation>
    </message>
    <message>
        <source>New promise</source>
        <translation>Nueva promesa</translation>
    </message>
    <message>
        <source>Promises of the case</source>
        <translation>Promesas del caso</translation>
    </message>
</context>
<context>
    <name>RatiosModel</name>
    <message>
        <source>In the green zone</source>
        <translation>En zona verde</translation>
    </message>
    <message>
        <source>In the amber zone</source>
        <translation>En zona ámbar</translation>
    </message>
    <message>
        <source>In the red zone</source>
        <translation>En zona roja</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicador</translation>
    </message>
</context>
<context>
    <name>RatiosView</name>
    <message>
        <source>No thresholds: shown for information</source>
        <translation>Sin umbrales: se muestra a título informativo</translation>
    </message>
    <message>
        <source>Green from {green}; red below {red}</source>
        <translation>Verde desde {green}; rojo por debajo de {red}</translation>
    </message>
    <message>
        <source>Green up to {green}; red above {red}</source>
        <translation>Verde hasta {green}; rojo por encima de {red}</translation>
    </message>
    <message>
        <source>Ratios by period</source>
        <translation>Razones financieras por período</translation>
    </message>
    <message>
        <source>Formula: {formula}</source>
        <translation>Fórmula: {formula}</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign case</source>
        <translation>Reasignar caso</translation>
    </message>
    <message>
        <source>Choose the executive of the team who takes over the case. It leaves the current executive&apos;s portfolio, and their computer, at their next synchronization.</source>
        <translation>Elija el ejecutivo del equipo que se hará cargo del caso. El caso sale de la cartera del ejecutivo actual, y de su computadora, en su próxima sincronización.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Current executive</source>
        <translation>Ejecutivo actual</translation>
    </message>
    <message>
        <source>&amp;New executive</source>
        <translation>&amp;Nuevo ejecutivo</translation>
    </message>
    <message>
        <source>Executives of the team</source>
        <translation>Ejecutivos del equipo</translation>
    </message>
    <message>
        <source>Each executive with the number of cases assigned now</source>
        <translation>Cada ejecutivo con el número de casos que tiene asignados</translation>
    </message>
    <message>
        <source>Problem with the reassignment</source>
        <translation>Problema con la reasignación</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Reasignar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Has the case now · {cases}</source>
        <translation>Tiene el caso ahora · {cases}</translation>
    </message>
    <message>
        <source>The team has no other executive to take the case.</source>
        <translation>El equipo no tiene otro ejecutivo que pueda hacerse cargo del caso.</translation>
    </message>
    <message>
        <source>Reassigning…</source>
        <translation>Reasignando…</translation>
    </message>
</context>
<context>
    <name>RelatedPartiesModel</name>
    <message>
        <source>Guarantor</source>
        <translation>Aval / fiador</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Representante legal</translation>
    </message>
    <message>
        <source>Co-debtor</source>
        <translation>Codeudor</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Carácter</translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation>NIT/RFC</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <source>Edit scenario</source>
        <translation>Editar escenario</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Nuevo escenario</translation>
    </message>
    <message>
        <source>Edit scenario “{name}”</source>
        <translation>Editar escenario “{name}”</translation>
    </message>
    <message>
        <source>New settlement scenario</source>
        <translation>Nuevo escenario de negociación</translation>
    </message>
    <message>
        <source>Balance owed {exposure}, valued as of {date}. Rates and haircuts are typed as percentages: 18 means 18 %.</source>
        <translation>Saldo adeudado {exposure}, valorado al {date}. Las tasas y los descuentos se escriben como porcentajes: 18 significa 18 %.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>&amp;Amount to pay</source>
        <translation>&amp;Monto a pagar</translation>
    </message>
    <message>
        <source>&amp;Pay on</source>
        <translation>&amp;Fecha de pago</translation>
    </message>
    <message>
        <source>&amp;Amount agreed</source>
        <translation>&amp;Monto convenido</translation>
    </message>
    <message>
        <source>&amp;Down payment</source>
        <translation>&amp;Enganche</translation>
    </message>
    <message>
        <source>Down payment da&amp;te</source>
        <translation>Fec&amp;ha del enganche</translation>
    </message>
    <message>
        <source>&amp;Instalments</source>
        <translation>&amp;Cuotas</translation>
    </message>
    <message>
        <source>&amp;Instalments in the new term</source>
        <translation>&amp;Cuotas del nuevo plazo</translation>
    </message>
    <message>
        <source>&amp;Frequency</source>
        <translation>&amp;Frecuencia</translation>
    </message>
    <message>
        <source>Annual &amp;rate</source>
        <translation>Tasa &amp;anual</translation>
    </message>
    <message>
        <source>First d&amp;ue date</source>
        <translation>&amp;Primer vencimiento</translation>
    </message>
    <message>
        <source>&amp;Grace periods</source>
        <translation>Períodos de g&amp;racia</translation>
    </message>
    <message>
        <source>&amp;Balloon (final lump)</source>
        <translation>Pago g&amp;lobal (balloon)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>Méto&amp;do de amortización</translation>
    </message>
    <message>
        <source>&amp;Asset</source>
        <translation>&amp;Bien</translation>
    </message>
    <message>
        <source>A&amp;ppraised value</source>
        <translation>&amp;Valor de avalúo</translation>
    </message>
    <message>
        <source>Forced-sale &amp;haircut</source>
        <translation>&amp;Descuento por venta forzosa</translation>
    </message>
    <message>
        <source>&amp;Transfer costs</source>
        <translation>&amp;Costos de traspaso</translation>
    </message>
    <message>
        <source>Transfer &amp;date</source>
        <translation>&amp;Fecha de traspaso</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>e.g. Lump sum with a 15 % discount</source>
        <translation>p. ej. Pago único con 15 % de quita</translation>
    </message>
    <message>
        <source>At most {maximum}</source>
        <translation>Como máximo {maximum}</translation>
    </message>
    <message>
        <source>Empty: the whole balance, {amount}</source>
        <translation>Vacío: todo el saldo, {amount}</translation>
    </message>
    <message>
        <source>Empty: none</source>
        <translation>Vacío: ninguno</translation>
    </message>
    <message>
        <source>e.g. 1,250,000.00</source>
        <translation>p. ej. 1,250,000.00</translation>
    </message>
    <message>
        <source>e.g. 18</source>
        <translation>p. ej. 18</translation>
    </message>
    <message>
        <source>e.g. 30</source>
        <translation>p. ej. 30</translation>
    </message>
    <message>
        <source>e.g. House in zone 10, deed 1234</source>
        <translation>p. ej. Casa en zona 10, escritura 1234</translation>
    </message>
    <message>
        <source>One period before the first instalment</source>
        <translation>Un período antes de la primera cuota</translation>
    </message>
    <message>
        <source>First instalments that pay interest only (counted within the instalments)</source>
        <translation>Primeras cuotas que pagan solo intereses (incluidas en el número de cuotas)</translation>
    </message>
    <message>
        <source>Paid with the last instalment, on top of it</source>
        <translation>Se paga junto con la última cuota, además de esta</translation>
    </message>
</context>
<context>
    <name>ScenariosModel</name>
    <message>
        <source>Lump sum with discount</source>
        <translation>Pago único con quita</translation>
    </message>
    <message>
        <source>Instalment plan</source>
        <translation>Plan de pagos en cuotas</translation>
    </message>
    <message>
        <source>Restructuring</source>
        <translation>Reestructuración</translation>
    </message>
    <message>
        <source>Payment in kind</source>
        <translation>Dación en pago</translation>
    </message>
    <message>
        <source>Legal route</source>
        <translation>Vía judicial</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
    <message>
        <source>Every two weeks</source>
        <translation>Cada dos semanas</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Trimestral</translation>
    </message>
    <message>
        <source>Level payment (French)</source>
        <translation>Cuota nivelada (francés)</translation>
    </message>
    <message>
        <source>Level principal (German)</source>
        <translation>Capital constante (alemán)</translation>
    </message>
    <message>
        <source>Interest only, principal at the end (bullet)</source>
        <translation>Solo intereses, capital al final (bullet)</translation>
    </message>
    <message>
        <source>Coverage of the capacity to pay</source>
        <translation>Cobertura de la capacidad de pago</translation>
    </message>
    <message>
        <source>Promise history</source>
        <translation>Historial de promesas</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>Días de atraso</translation>
    </message>
    <message>
        <source>Lump-sum payments</source>
        <translation>Pagos únicos</translation>
    </message>
    <message>
        <source>Probability of winning</source>
        <translation>Probabilidad de ganar</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Pay on</source>
        <translation>Fecha de pago</translation>
    </message>
    <message>
        <source>Amount agreed</source>
        <translation>Monto convenido</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Enganche</translation>
    </message>
    <message>
        <source>Down payment date</source>
        <translation>Fecha del enganche</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>Cuotas</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Annual rate</source>
        <translation>Tasa anual</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Primer vencimiento</translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation>Períodos de gracia</translation>
    </message>
    <message>
        <source>Balloon</source>
        <translation>Pago global</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método de amortización</translation>
    </message>
    <message>
        <source>Instalments in the new term</source>
        <translation>Cuotas del nuevo plazo</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Appraised value</source>
        <translation>Valor de avalúo</translation>
    </message>
    <message>
        <source>Forced-sale haircut</source>
        <translation>Descuento por venta forzosa</translation>
    </message>
    <message>
        <source>Transfer costs</source>
        <translation>Costos de traspaso</translation>
    </message>
    <message>
        <source>Transfer date</source>
        <translation>Fecha de traspaso</translation>
    </message>
    <message>
        <source>Within policy</source>
        <translation>Dentro de política</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>★ Recommended</source>
        <translation>★ Recomendado</translation>
    </message>
    <message>
        <source>✔ Chosen</source>
        <translation>✔ Elegido</translation>
    </message>
    <message>
        <source>⚠ Cannot be valued</source>
        <translation>⚠ No se puede valorar</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Nominal total</source>
        <translation>Total nominal</translation>
    </message>
    <message>
        <source>Present value</source>
        <translation>Valor presente</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidad</translation>
    </message>
    <message>
        <source>Expected PV</source>
        <translation>VP esperado</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Aprobación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Nominal total ÷ the balance owed</source>
        <translation>Total nominal ÷ el saldo adeudado</translation>
    </message>
    <message>
        <source>Probability that the debtor completes it</source>
        <translation>Probabilidad de que el deudor lo cumpla</translation>
    </message>
    <message>
        <source>p × present value + (1 − p) × what it is worth if it fails (the legal route)</source>
        <translation>p × valor presente + (1 − p) × lo que vale si fracasa (la vía judicial)</translation>
    </message>
    <message>
        <source>Months until the last payment</source>
        <translation>Meses hasta el último pago</translation>
    </message>
    <message>
        <source>Who must approve it as an agreement</source>
        <translation>Quién debe aprobarlo como convenio</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>A supervisor may approve it</source>
        <translation>Puede aprobarlo un supervisor</translation>
    </message>
    <message>
        <source>The legal route needs no approval</source>
        <translation>La vía judicial no requiere aprobación</translation>
    </message>
    <message>
        <source>At present value: {pct}</source>
        <translation>A valor presente: {pct}</translation>
    </message>
</context>
<context>
    <name>ScenariosView</name>
    <message>
        <source>&amp;New scenario…</source>
        <translation>&amp;Nuevo escenario…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>C&amp;hoose this scenario…</source>
        <translation>E&amp;legir este escenario…</translation>
    </message>
    <message>
        <source>Settlement scenarios compared</source>
        <translation>Comparación de escenarios de negociación</translation>
    </message>
    <message>
        <source>Details of the selected scenario</source>
        <translation>Detalle del escenario seleccionado</translation>
    </message>
    <message>
        <source>Chart of present and expected values</source>
        <translation>Gráfica de valores presentes y esperados</translation>
    </message>
    <message>
        <source>Summary of the comparison</source>
        <translation>Resumen de la comparación</translation>
    </message>
    <message>
        <source>No scenarios yet: add one to compare it with the legal route</source>
        <translation>Aún no hay escenarios: agregue uno para compararlo con la vía judicial</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) and the legal route</source>
        <translation>
            <numerusform>%n escenario y la vía judicial</numerusform>
            <numerusform>%n escenarios y la vía judicial</numerusform>
        </translation>
    </message>
    <message>
        <source>recommended: {name}</source>
        <translation>recomendado: {name}</translation>
    </message>
    <message>
        <source>nothing recommended</source>
        <translation>ninguno recomendado</translation>
    </message>
    <message>
        <source>chosen: {name}</source>
        <translation>elegido: {name}</translation>
    </message>
    <message>
        <source>millions of {currency}</source>
        <translation>millones de {currency}</translation>
    </message>
    <message>
        <source>thousands of {currency}</source>
        <translation>miles de {currency}</translation>
    </message>
    <message>
        <source>Present value and expected present value</source>
        <translation>Valor presente y valor presente esperado</translation>
    </message>
    <message>
        <source>Present value</source>
        <translation>Valor presente</translation>
    </message>
    <message>
        <source>Expected PV</source>
        <translation>VP esperado</translation>
    </message>
    <message>
        <source>You may see this case&apos;s scenarios but not change them</source>
        <translation>Puede ver los escenarios de este caso, pero no modificarlos</translation>
    </message>
    <message>
        <source>The legal route is valued from the assumptions: change them under “Capacity to pay”</source>
        <translation>La vía judicial se valora con los supuestos: modifíquelos en “Capacidad de pago”</translation>
    </message>
    <message>
        <source>Nominal total</source>
        <translation>Total nominal</translation>
    </message>
    <message>
        <source>Recovery of the balance owed</source>
        <translation>Recuperación del saldo adeudado</translation>
    </message>
    <message>
        <source>{nominal} (at present value {present})</source>
        <translation>{nominal} (a valor presente {present})</translation>
    </message>
    <message>
        <source>Probability of completion</source>
        <translation>Probabilidad de cumplimiento</translation>
    </message>
    <message>
        <source>Expected present value</source>
        <translation>Valor presente esperado</translation>
    </message>
    <message>
        <source>Worth if it fails</source>
        <translation>Valor si fracasa</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Quita</translation>
    </message>
    <message>
        <source>{amount} ({pct})</source>
        <translation>{amount} ({pct})</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} meses</translation>
    </message>
    <message>
        <source>Months to recover</source>
        <translation>Meses para recuperar</translation>
    </message>
    <message>
        <source>The legal route is valued from the case&apos;s assumptions (probability of winning, legal costs, duration and what the collateral would bring): change them under “Capacity to pay”.</source>
        <translation>La vía judicial se valora con los supuestos del caso (probabilidad de ganar, costos judiciales, duración y lo que produciría la garantía): modifíquelos en “Capacidad de pago”.</translation>
    </message>
    <message>
        <source>Why it was chosen</source>
        <translation>Por qué se eligió</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Sin motivo indicado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>By {author}, {when}</source>
        <translation>Por {author}, {when}</translation>
    </message>
    <message>
        <source>p = the probability of winning in court, {pct}</source>
        <translation>p = la probabilidad de ganar el juicio, {pct}</translation>
    </message>
    <message>
        <source>p = the product of the factors below, {product}, kept between 0.01 and 0.99 and rounded to two decimals: {p}</source>
        <translation>p = el producto de los factores siguientes, {product}, limitado entre 0.01 y 0.99 y redondeado a dos decimales: {p}</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>Multiplicador</translation>
    </message>
    <message>
        <source>No promises yet</source>
        <translation>Aún sin promesas</translation>
    </message>
    <message>
        <source>Fixed: title, registration and appraisal are the risk</source>
        <translation>Fijo: el riesgo está en el título, el registro y el avalúo</translation>
    </message>
    <message>
        <source>Capacity unknown</source>
        <translation>Capacidad desconocida</translation>
    </message>
    <message>
        <source>capacity ÷ what is due = {ratio}</source>
        <translation>capacidad ÷ lo que vence = {ratio}</translation>
    </message>
    <message>
        <source>{pct} kept</source>
        <translation>{pct} cumplidas</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} días</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Aprobación</translation>
    </message>
    <message>
        <source>The legal route needs no approval</source>
        <translation>La vía judicial no requiere aprobación</translation>
    </message>
    <message>
        <source>Within policy: a {level} may approve it</source>
        <translation>Dentro de política: puede aprobarlo un {level}</translation>
    </message>
    <message>
        <source>Outside policy: a {level} must approve it, because:</source>
        <translation>Fuera de política: debe aprobarlo un {level}, porque:</translation>
    </message>
    <message>
        <source>{count} instalments, {frequency}, from {first} to {last}</source>
        <translation>{count} cuotas, frecuencia {frequency}, del {first} al {last}</translation>
    </message>
    <message>
        <source>Totals: payments {payment}, interest {interest}, principal {principal}</source>
        <translation>Totales: pagos {payment}, intereses {interest}, capital {principal}</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Enganche</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Capital</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Calendario de pagos</translation>
    </message>
    <message>
        <source>Remove scenario</source>
        <translation>Quitar escenario</translation>
    </message>
    <message>
        <source>Remove the scenario “{name}” ({kind}) from this case?</source>
        <translation>¿Quitar el escenario “{name}” ({kind}) de este caso?</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>Down payment</source>
        <translation>Enganche</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Schedule of payments</source>
        <translation>Calendario de pagos</translation>
    </message>
    <message>
        <source>No schedule: the terms are not complete</source>
        <translation>Sin calendario de pagos: las condiciones están incompletas</translation>
    </message>
    <message numerus="yes">
        <source>%n instalment(s) from {first} to {last} · payments {payment} · principal {principal} · interest {interest}</source>
        <translation>
            <numerusform>%n cuota del {first} al {last} · pagos {payment} · capital {principal} · intereses {interest}</numerusform>
            <numerusform>%n cuotas del {first} al {last} · pagos {payment} · capital {principal} · intereses {interest}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Open the selected case</source>
        <translation>Abrir el caso seleccionado</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Pestaña siguiente</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Pestaña anterior</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>Cerrar un diálogo</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Case workspace</source>
        <translation>Espacio del caso</translation>
    </message>
    <message>
        <source>Lists and tabs</source>
        <translation>Listas y pestañas</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of VIP Desk</source>
        <translation>Todos los atajos de teclado de VIP Desk</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — VIP Desk</source>
        <translation>Iniciar sesión — VIP Desk</translation>
    </message>
    <message>
        <source>Sign in</source>
        <comment>heading</comment>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Choose your user or type your user name.</source>
        <translation>Elija su usuario o escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuarios</translation>
    </message>
    <message>
        <source>User &amp;name</source>
        <translation>&amp;Nombre de usuario</translation>
    </message>
    <message>
        <source>for example ejecutivo1</source>
        <translation>por ejemplo ejecutivo1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <comment>button</comment>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Error al iniciar sesión</translation>
    </message>
    <message>
        <source>No connection to the central database. You can sign in with the local copy kept on this computer; your changes are sent when the connection returns.</source>
        <translation>Sin conexión con la base de datos central. Puede iniciar sesión con la copia local que guarda este equipo; sus cambios se enviarán cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Working without a connection</source>
        <translation>Trabajo sin conexión</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Choose a user from the list or type a user name.</source>
        <translation>Elija un usuario de la lista o escriba un nombre de usuario.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>SignatoriesBox</name>
    <message>
        <source>Signatories</source>
        <translation>Firmantes</translation>
    </message>
    <message>
        <source>Add signatory…</source>
        <translation>Agregar firmante…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Signatory {row}: {message}</source>
        <translation>Firmante {row}: {message}</translation>
    </message>
    <message>
        <source>At most {count} signatories</source>
        <translation>Como máximo {count} firmantes</translation>
    </message>
</context>
<context>
    <name>SignatoryDialog</name>
    <message>
        <source>Edit signatory</source>
        <translation>Editar firmante</translation>
    </message>
    <message>
        <source>Add signatory</source>
        <translation>Agregar firmante</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>Ac&amp;eptar</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Calidad</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Identity document</source>
        <translation>&amp;Documento de identidad</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>Ca&amp;rácter</translation>
    </message>
    <message>
        <source>e.g. Legal representative of the company</source>
        <translation>p. ej. Representante legal de la empresa</translation>
    </message>
</context>
<context>
    <name>StatementsModel</name>
    <message>
        <source>Figure</source>
        <translation>Rubro</translation>
    </message>
</context>
<context>
    <name>StatementsView</name>
    <message>
        <source>&amp;Add period…</source>
        <translation>Agregar &amp;período…</translation>
    </message>
    <message>
        <source>Remove period…</source>
        <translation>Quitar período…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>I&amp;mportar de Excel…</translation>
    </message>
    <message>
        <source>Download &amp;template…</source>
        <translation>&amp;Descargar plantilla…</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>&amp;Save statements</source>
        <translation>&amp;Guardar estados</translation>
    </message>
    <message>
        <source>Financial statements by period</source>
        <translation>Estados financieros por período</translation>
    </message>
    <message>
        <source>Removes the period of the selected cell</source>
        <translation>Quita el período de la celda seleccionada</translation>
    </message>
    <message>
        <source>Adds the periods of a filled template, or replaces those ending on the same days</source>
        <translation>Agrega los períodos de una plantilla llena, o reemplaza los que terminan en las mismas fechas</translation>
    </message>
    <message>
        <source>Remove period</source>
        <translation>Quitar período</translation>
    </message>
    <message>
        <source>Remove the period {label} and its figures?</source>
        <translation>¿Quitar el período {label} y sus cifras?</translation>
    </message>
    <message>
        <source>statements {debtor}.xlsx</source>
        <translation>estados financieros {debtor}.xlsx</translation>
    </message>
    <message>
        <source>Save the statements template</source>
        <translation>Guardar la plantilla de estados financieros</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved to {path}</source>
        <translation>Plantilla guardada en {path}</translation>
    </message>
    <message>
        <source>Import a filled template</source>
        <translation>Importar una plantilla llena</translation>
    </message>
    <message>
        <source>The template holds no period to import.</source>
        <translation>La plantilla no contiene ningún período para importar.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>No agreement selected</source>
        <translation>No hay ningún convenio seleccionado</translation>
    </message>
    <message>
        <source>“{comment}” — {who}</source>
        <translation>“{comment}” — {who}</translation>
    </message>
    <message>
        <source>Status of the agreement</source>
        <translation>Estado del convenio</translation>
    </message>
    <message>
        <source>within policy: a supervisor may approve it</source>
        <translation>dentro de política: puede aprobarlo un supervisor</translation>
    </message>
    <message>
        <source>needs a {level}</source>
        <translation>requiere la aprobación de un {level}</translation>
    </message>
    <message>
        <source>needs a {level}: {reasons}</source>
        <translation>requiere la aprobación de un {level}: {reasons}</translation>
    </message>
    <message>
        <source>Submitted by {who} on {when}</source>
        <translation>Enviado a aprobación por {who} el {when}</translation>
    </message>
    <message>
        <source>Approved by {who} on {when}; frozen</source>
        <translation>Aprobado por {who} el {when}; bloqueado para cambios</translation>
    </message>
    <message>
        <source>Rejected by {who} on {when}</source>
        <translation>Rechazado por {who} el {when}</translation>
    </message>
    <message>
        <source>Signed and active since {when} (recorded by {who}); frozen</source>
        <translation>Firmado y activo desde el {when} (registrado por {who}); bloqueado para cambios</translation>
    </message>
    <message>
        <source>{status} on {when} ({who})</source>
        <translation>{status} el {when} ({who})</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Approve agreement</source>
        <translation>Aprobar convenio</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>A&amp;probar</translation>
    </message>
    <message>
        <source>Reject agreement</source>
        <translation>Rechazar convenio</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Solicitar cambios</translation>
    </message>
    <message>
        <source>Send &amp;back for changes</source>
        <translation>&amp;Devolver para cambios</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Comentario</translation>
    </message>
    <message>
        <source>&amp;Comment (optional)</source>
        <translation>&amp;Comentario (opcional)</translation>
    </message>
    <message>
        <source>e.g. Within the plan agreed with the debtor</source>
        <translation>p. ej. Dentro del plan acordado con el deudor</translation>
    </message>
    <message>
        <source>Why it cannot be accepted</source>
        <translation>Por qué no se puede aceptar</translation>
    </message>
    <message>
        <source>What must change before it is approved</source>
        <translation>Qué debe cambiar antes de aprobarlo</translation>
    </message>
</context>
<context>
    <name>StrategyEditor</name>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>Note of this version (optional)</source>
        <translation>Nota de esta versión (opcional)</translation>
    </message>
    <message>
        <source>Note of this version</source>
        <translation>Nota de esta versión</translation>
    </message>
    <message>
        <source>&amp;Save version</source>
        <translation>&amp;Guardar versión</translation>
    </message>
    <message>
        <source>Save the strategy as a new version</source>
        <translation>Guardar la estrategia como una nueva versión</translation>
    </message>
    <message>
        <source>Save the strategy as a new version (Ctrl+S)</source>
        <translation>Guardar la estrategia como una nueva versión (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>&amp;Compare with theirs</source>
        <translation>&amp;Comparar con la otra versión</translation>
    </message>
    <message>
        <source>Save &amp;mine on top</source>
        <translation>Guardar la &amp;mía encima</translation>
    </message>
    <message>
        <source>Save your text as a new version after theirs; theirs stays in the history</source>
        <translation>Guardar su texto como una nueva versión posterior a la otra; la otra queda en el historial</translation>
    </message>
    <message>
        <source>You may read this case&apos;s strategy but not change it.</source>
        <translation>Puede leer la estrategia de este caso, pero no modificarla.</translation>
    </message>
    <message>
        <source>Loading the strategy…</source>
        <translation>Cargando la estrategia…</translation>
    </message>
    <message>
        <source>No version saved yet: write the strategy and save it as version 1.</source>
        <translation>Aún no hay ninguna versión guardada: escriba la estrategia y guárdela como versión 1.</translation>
    </message>
    <message>
        <source>No strategy has been written for this case yet.</source>
        <translation>Aún no se ha escrito una estrategia para este caso.</translation>
    </message>
    <message>
        <source>Version {version} · saved by {author} on {when}</source>
        <translation>Versión {version} · guardada por {author} el {when}</translation>
    </message>
    <message>
        <source>{author} saved version {version} on {when} while you were editing version {mine}. Your text is still here: compare it with theirs, then save yours on top of theirs or discard it.</source>
        <translation>{author} guardó la versión {version} el {when} mientras usted editaba la versión {mine}. Su texto sigue aquí: compárelo con el de esa versión y luego guarde el suyo encima o descártelo.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Discard what you typed in the strategy since version {version}?</source>
        <translation>¿Descartar lo que escribió en la estrategia desde la versión {version}?</translation>
    </message>
    <message>
        <source>Where the case stands: the debt, the debtor&apos;s situation, contacts and promises.</source>
        <translation>Situación del caso: la deuda, la situación del deudor, los contactos y las promesas.</translation>
    </message>
    <message>
        <source>What we want to obtain, and by when.</source>
        <translation>Qué queremos obtener y para cuándo.</translation>
    </message>
    <message>
        <source>What we get without an agreement: the legal route, as the financial analysis values it.</source>
        <translation>Qué obtenemos sin un convenio: la vía judicial, según la valora el análisis financiero.</translation>
    </message>
    <message>
        <source>What the debtor will likely ask for and why; what limits them (cash, other creditors, guarantors).</source>
        <translation>Qué pedirá probablemente el deudor y por qué; qué lo limita (liquidez, otros acreedores, fiadores).</translation>
    </message>
    <message>
        <source>What we can give, in what order and in exchange for what.</source>
        <translation>Qué podemos conceder, en qué orden y a cambio de qué.</translation>
    </message>
    <message>
        <source>The least we accept; below it, the case goes to legal.</source>
        <translation>Lo mínimo que aceptamos; por debajo de eso, el caso pasa a jurídico.</translation>
    </message>
    <message>
        <source>The arguments to use in the conversation, one per line.</source>
        <translation>Los argumentos que se usarán en la conversación, uno por línea.</translation>
    </message>
    <message>
        <source>What could go wrong, and how we would respond.</source>
        <translation>Qué podría salir mal y cómo responderíamos.</translation>
    </message>
</context>
<context>
    <name>StrategyModels</name>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>Guardada por</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardada</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrada por</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
</context>
<context>
    <name>StrategyPage</name>
    <message>
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>Bitácora de decisiones</translation>
    </message>
    <message>
        <source>Parts of the strategy</source>
        <translation>Secciones de la estrategia</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>Datos clave</translation>
    </message>
    <message>
        <source>Last events</source>
        <translation>Últimos eventos</translation>
    </message>
    <message>
        <source>Last events of the case</source>
        <translation>Últimos eventos del caso</translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation>NIT/RFC</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Documento de identidad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>Promesas</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>{total} in all · {pending} pending · {broken} broken</source>
        <translation>{total} en total · {pending} pendientes · {broken} incumplidas</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Synchronization status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Open the synchronization conflicts</source>
        <translation>Abrir los conflictos de sincronización</translation>
    </message>
    <message>
        <source>Changes that need your decision</source>
        <translation>Cambios que necesitan su decisión</translation>
    </message>
    <message>
        <source>Synchronizing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Sin conexión · %n cambio en espera</numerusform>
            <numerusform>Sin conexión · %n cambios en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n cambio en espera</numerusform>
            <numerusform>%n cambios en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronized at {time}</source>
        <translation>Sincronizado a las {time}</translation>
    </message>
    <message>
        <source>Not synchronized yet</source>
        <translation>Aún no sincronizado</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TermsForm</name>
    <message>
        <source>Discount (forgiven)</source>
        <translation>Quita (monto condonado)</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Enganche</translation>
    </message>
    <message>
        <source>Down payment date</source>
        <translation>Fecha del enganche</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>Cuotas</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Annual rate</source>
        <translation>Tasa anual</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>Primer vencimiento</translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation>Períodos de gracia</translation>
    </message>
    <message>
        <source>Balloon</source>
        <translation>Pago global</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método de amortización</translation>
    </message>
    <message>
        <source>Days of grace</source>
        <translation>Días de gracia</translation>
    </message>
    <message>
        <source>Late-payment rate</source>
        <translation>Tasa moratoria</translation>
    </message>
    <message>
        <source>Acceleration after</source>
        <translation>Vencimiento anticipado tras</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Liquidación</translation>
    </message>
    <message>
        <source>Offer valid until</source>
        <translation>Oferta válida hasta</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Cuenta bancaria</translation>
    </message>
    <message>
        <source>Credit number</source>
        <translation>Número de crédito</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>0.00: no discount</source>
        <translation>0.00: sin quita</translation>
    </message>
    <message>
        <source>0.00: none</source>
        <translation>0.00: ninguno</translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation>p. ej. 12</translation>
    </message>
    <message>
        <source>e.g. 24</source>
        <translation>p. ej. 24</translation>
    </message>
    <message>
        <source>Bank, account type and number</source>
        <translation>Banco, tipo y número de cuenta</translation>
    </message>
    <message>
        <source>The courts the parties submit to</source>
        <translation>Los tribunales a los que se someten las partes</translation>
    </message>
    <message>
        <source>One period before the first due date</source>
        <translation>Un período antes del primer vencimiento</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>First instalments that pay interest only (counted within the instalments)</source>
        <translation>Primeras cuotas que pagan solo intereses (incluidas en el número de cuotas)</translation>
    </message>
    <message>
        <source>Days after a due date before a payment counts as late</source>
        <translation>Días después de un vencimiento antes de que un pago se considere atrasado</translation>
    </message>
    <message>
        <source>Days in default after which the whole balance falls due and the discount is lost</source>
        <translation>Días de incumplimiento tras los cuales vence anticipadamente todo el saldo y se pierde la quita</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <source>Ratio thresholds</source>
        <translation>Umbrales de las razones financieras</translation>
    </message>
    <message>
        <source>Where each ratio&apos;s light turns green and red, in the ratio&apos;s own unit (days for DSO, % for debt to income). Between the two it is amber. Leave both blank for no light.</source>
        <translation>Dónde el semáforo de cada razón cambia a verde y a rojo, en la unidad de la razón (días para el DSO, % para deuda / ingreso). Entre ambos valores queda en ámbar. Deje los dos en blanco para no mostrar semáforo.</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Razón</translation>
    </message>
    <message>
        <source>Green from / up to</source>
        <translation>Verde desde / hasta</translation>
    </message>
    <message>
        <source>Red beyond</source>
        <translation>Rojo más allá de</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>mayor es mejor</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>menor es mejor</translation>
    </message>
    <message>
        <source>{ratio}: green</source>
        <translation>{ratio}: verde</translation>
    </message>
    <message>
        <source>{ratio}: red</source>
        <translation>{ratio}: rojo</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Gestiones</translation>
    </message>
    <message>
        <source>Show contacts</source>
        <translation>Mostrar gestiones</translation>
    </message>
    <message>
        <source>&amp;Promises</source>
        <translation>&amp;Promesas</translation>
    </message>
    <message>
        <source>Show promises to pay</source>
        <translation>Mostrar promesas de pago</translation>
    </message>
    <message>
        <source>P&amp;ayments</source>
        <translation>P&amp;agos</translation>
    </message>
    <message>
        <source>Show payments</source>
        <translation>Mostrar pagos</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Orden:</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Más antiguos primero</translation>
    </message>
    <message>
        <source>Order of the events</source>
        <translation>Orden de los eventos</translation>
    </message>
    <message>
        <source>Events of the case</source>
        <translation>Eventos del caso</translation>
    </message>
    <message>
        <source>Number of events shown</source>
        <translation>Número de eventos mostrados</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} de {total}</translation>
    </message>
    <message>
        <source>Nothing has happened on this case yet.</source>
        <translation>Todavía no ha ocurrido nada en este caso.</translation>
    </message>
    <message>
        <source>No events of the kinds chosen.</source>
        <translation>No hay eventos de los tipos elegidos.</translation>
    </message>
</context>
<context>
    <name>VersionView</name>
    <message>
        <source>Terms</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Calendario de pagos</translation>
    </message>
    <message>
        <source>Signatories and notes</source>
        <translation>Firmantes y notas</translation>
    </message>
    <message>
        <source>Approval trail</source>
        <translation>Historial de aprobación</translation>
    </message>
    <message>
        <source>Parts of the agreement</source>
        <translation>Secciones del convenio</translation>
    </message>
    <message>
        <source>Send for &amp;approval</source>
        <translation>Enviar a a&amp;probación</translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation>Apro&amp;bar…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>&amp;Rechazar…</translation>
    </message>
    <message>
        <source>Request c&amp;hanges…</source>
        <translation>Solicitar &amp;cambios…</translation>
    </message>
    <message>
        <source>Mark signed / &amp;active</source>
        <translation>Marcar firmado / ac&amp;tivo</translation>
    </message>
    <message>
        <source>Mark co&amp;mpleted</source>
        <translation>Marcar c&amp;umplido</translation>
    </message>
    <message>
        <source>Mark &amp;broken</source>
        <translation>Marcar &amp;incumplido</translation>
    </message>
    <message>
        <source>New &amp;version</source>
        <translation>&amp;Nueva versión</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Notes of the agreement</source>
        <translation>Notas del convenio</translation>
    </message>
    <message>
        <source>What the parties agreed besides the terms, and anything the approver should know</source>
        <translation>Lo que las partes acordaron además de las condiciones, y todo lo que deba saber quien lo apruebe</translation>
    </message>
    <message>
        <source>Choose a version on the left, or create an agreement from one of the case&apos;s scenarios.</source>
        <translation>Elija una versión a la izquierda o cree un convenio a partir de uno de los escenarios del caso.</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>R&amp;ecargar</translation>
    </message>
    <message>
        <source>Show the agreement as it is now; your edits are lost</source>
        <translation>Mostrar el convenio tal como está ahora; se pierden sus modificaciones</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Take back the last change (Ctrl+Z)</source>
        <translation>Deshacer el último cambio (Ctrl+Z)</translation>
    </message>
    <message>
        <source>D&amp;iscard changes</source>
        <translation>De&amp;scartar cambios</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the agreement&apos;s changes (Ctrl+S)</source>
        <translation>Guardar los cambios del convenio (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the agreement</source>
        <translation>Guardar el convenio</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
</context>
<context>
    <name>agreements</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Cambios solicitados</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Cumplido</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Incumplido</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>Submitted for approval</source>
        <translation>Enviado a aprobación</translation>
    </message>
    <message>
        <source>Signed and active</source>
        <translation>Firmado y activo</translation>
    </message>
    <message>
        <source>Superseded by a new version</source>
        <translation>Reemplazado por una nueva versión</translation>
    </message>
</context>
<context>
    <name>approval</name>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>director</source>
        <translation>director</translation>
    </message>
    <message>
        <source>Discount {value} exceeds the {level} limit of {limit}</source>
        <translation>La quita de {value} supera el límite de {level} de {limit}</translation>
    </message>
    <message>
        <source>Amount forgiven {value} exceeds the {level} limit of {limit}</source>
        <translation>El monto condonado de {value} supera el límite de {level} de {limit}</translation>
    </message>
    <message>
        <source>Term of {value} months exceeds the {level} limit of {limit} months</source>
        <translation>El plazo de {value} meses supera el límite de {level} de {limit} meses</translation>
    </message>
    <message>
        <source>Exposure {value} exceeds the {level} limit of {limit}</source>
        <translation>La exposición de {value} supera el límite de {level} de {limit}</translation>
    </message>
    <message>
        <source>Nobody may approve their own agreement</source>
        <translation>Nadie puede aprobar su propio convenio</translation>
    </message>
    <message>
        <source>Your role does not approve agreements</source>
        <translation>Su rol no aprueba convenios</translation>
    </message>
    <message>
        <source>This agreement needs a {required} or above; you approve as {level}</source>
        <translation>Este convenio requiere un {required} o superior; usted aprueba como {level}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>VIP Desk</source>
        <translation>VIP Desk</translation>
    </message>
    <message>
        <source>VIP Desk — unexpected error</source>
        <translation>VIP Desk — error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong inside VIP Desk.
Please send the details below to support.</source>
        <translation>Ocurrió un error interno en VIP Desk.
Envíe los detalles que aparecen abajo a soporte técnico.</translation>
    </message>
    <message>
        <source>About VIP Desk</source>
        <translation>Acerca de VIP Desk</translation>
    </message>
    <message>
        <source>Workstation for the recovery of high-value debt.</source>
        <translation>Estación de trabajo para la recuperación de cartera de montos altos.</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>Base de datos: {database}</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>Settlement proposal</source>
        <translation>Propuesta de arreglo de pago</translation>
    </message>
    <message>
        <source>Payment agreement</source>
        <translation>Convenio de pago</translation>
    </message>
    <message>
        <source>Demand for payment</source>
        <translation>Requerimiento de pago</translation>
    </message>
    <message>
        <source>Payment reminder</source>
        <translation>Recordatorio de pago</translation>
    </message>
    <message>
        <source>Paid-in-full letter</source>
        <translation>Carta finiquito</translation>
    </message>
    <message>
        <source>Dossier for legal</source>
        <translation>Expediente para jurídico</translation>
    </message>
    <message>
        <source>The offer to the debtor: the balance owed and its breakdown, the proposed terms of the chosen scenario (or the latest draft agreement) and until when it stands.</source>
        <translation>La oferta al deudor: el saldo adeudado y su desglose, las condiciones propuestas del escenario elegido (o del último borrador de convenio) y hasta cuándo es válida.</translation>
    </message>
    <message>
        <source>The payment agreement with its clauses, schedule and signature blocks. Only from an approved agreement.</source>
        <translation>El convenio de pago con sus cláusulas, el calendario de pagos y los bloques de firma. Solo a partir de un convenio aprobado.</translation>
    </message>
    <message>
        <source>Formal demand before legal action: the amount owed with its breakdown and the deadline to pay or to get in touch.</source>
        <translation>Requerimiento formal previo a la acción judicial: el monto adeudado con su desglose y el plazo para pagar o para comunicarse.</translation>
    </message>
    <message>
        <source>A courteous reminder of the next instalment or promise to pay: amount, due date and how to pay.</source>
        <translation>Un recordatorio cortés de la próxima cuota o promesa de pago: monto, fecha de vencimiento y forma de pago.</translation>
    </message>
    <message>
        <source>States that the obligations are paid in full. Only when the case owes nothing.</source>
        <translation>Hace constar que las obligaciones están totalmente pagadas. Solo cuando el caso no tiene saldo pendiente.</translation>
    </message>
    <message>
        <source>Internal dossier for legal: the case, its contacts and promises, the analysis, the strategy, the agreement and the documents sent.</source>
        <translation>Expediente interno para jurídico: el caso, sus contactos y promesas, el análisis, la estrategia, el convenio y los documentos enviados.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generado</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Jurídico</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>Deudor</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Enviado por</translation>
    </message>
    <message>
        <source>{date} by {name}</source>
        <translation>{date} por {name}</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot prepare the database {url}: {reason}</source>
        <translation>No se puede preparar la base de datos {url}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write to the folder {folder}: {reason}. Check {variable}.</source>
        <translation>No se puede escribir en la carpeta {folder}: {reason}. Revise {variable}.</translation>
    </message>
    <message>
        <source>{variable} must be one of: {choices}.</source>
        <translation>{variable} debe ser uno de: {choices}.</translation>
    </message>
    <message>
        <source>Enter the NIT, for example {example}</source>
        <translation>Ingrese el NIT, por ejemplo {example}</translation>
    </message>
    <message>
        <source>A NIT is digits followed by a check character (a digit or K), for example {example}</source>
        <translation>Un NIT son dígitos seguidos de un carácter verificador (un dígito o K), por ejemplo {example}</translation>
    </message>
    <message>
        <source>The NIT must have 1 to 12 digits before the check character</source>
        <translation>El NIT debe tener de 1 a 12 dígitos antes del carácter verificador</translation>
    </message>
    <message>
        <source>The NIT check character does not match the number; please verify it</source>
        <translation>El carácter verificador del NIT no corresponde al número; por favor verifíquelo</translation>
    </message>
    <message>
        <source>Enter the DPI (13 digits)</source>
        <translation>Ingrese el DPI (13 dígitos)</translation>
    </message>
    <message>
        <source>A DPI (CUI) has exactly 13 digits</source>
        <translation>Un DPI (CUI) tiene exactamente 13 dígitos</translation>
    </message>
    <message>
        <source>The department code in the DPI ({code}) must be between 01 and 22</source>
        <translation>El código de departamento del DPI ({code}) debe estar entre 01 y 22</translation>
    </message>
    <message>
        <source>Enter the RFC</source>
        <translation>Ingrese el RFC</translation>
    </message>
    <message>
        <source>A company RFC has 12 characters: 3 letters, the date (YYMMDD) and a 3-character homoclave, for example {example}</source>
        <translation>El RFC de una persona moral tiene 12 caracteres: 3 letras, la fecha (AAMMDD) y una homoclave de 3 caracteres, por ejemplo {example}</translation>
    </message>
    <message>
        <source>An individual&apos;s RFC has 13 characters: 4 letters, the date (YYMMDD) and a 3-character homoclave, for example {example}</source>
        <translation>El RFC de una persona física tiene 13 caracteres: 4 letras, la fecha (AAMMDD) y una homoclave de 3 caracteres, por ejemplo {example}</translation>
    </message>
    <message>
        <source>An RFC has 12 characters (companies) or 13 characters (individuals)</source>
        <translation>Un RFC tiene 12 caracteres (personas morales) o 13 caracteres (personas físicas)</translation>
    </message>
    <message>
        <source>An RFC is {letters} letters, the date (YYMMDD) and a 3-character homoclave, for example {example}</source>
        <translation>Un RFC se compone de {letters} letras, la fecha (AAMMDD) y una homoclave de 3 caracteres, por ejemplo {example}</translation>
    </message>
    <message>
        <source>The date in the RFC ({date}) is not a real date</source>
        <translation>La fecha del RFC ({date}) no es una fecha válida</translation>
    </message>
    <message>
        <source>Enter the CURP</source>
        <translation>Ingrese la CURP</translation>
    </message>
    <message>
        <source>A CURP has 18 characters, for example {example}</source>
        <translation>Una CURP tiene 18 caracteres, por ejemplo {example}</translation>
    </message>
    <message>
        <source>The CURP does not have the expected format, for example {example}</source>
        <translation>La CURP no tiene el formato esperado, por ejemplo {example}</translation>
    </message>
    <message>
        <source>The 11th character of the CURP must be H, M or X</source>
        <translation>El carácter 11 de la CURP debe ser H, M o X</translation>
    </message>
    <message>
        <source>The state code in the CURP ({code}) is not valid</source>
        <translation>El código de entidad federativa de la CURP ({code}) no es válido</translation>
    </message>
    <message>
        <source>The date in the CURP ({date}) is not a real date</source>
        <translation>La fecha de la CURP ({date}) no es una fecha válida</translation>
    </message>
    <message>
        <source>Enter an amount, for example {example}</source>
        <translation>Ingrese un monto, por ejemplo {example}</translation>
    </message>
    <message>
        <source>Use a single decimal point, for example {example}</source>
        <translation>Use un solo punto decimal, por ejemplo {example}</translation>
    </message>
    <message>
        <source>Use at most 2 decimals, for example {example}</source>
        <translation>Use como máximo 2 decimales, por ejemplo {example}</translation>
    </message>
    <message>
        <source>The amount cannot exceed {maximum}</source>
        <translation>El monto no puede ser mayor que {maximum}</translation>
    </message>
    <message>
        <source>The amount cannot be zero</source>
        <translation>El monto no puede ser cero</translation>
    </message>
    <message>
        <source>The amount must be greater than zero</source>
        <translation>El monto debe ser mayor que cero</translation>
    </message>
    <message>
        <source>Enter a percentage between 0 % and 100 %</source>
        <translation>Escriba un porcentaje entre 0 % y 100 %</translation>
    </message>
    <message>
        <source>The amount cannot be negative</source>
        <translation>El monto no puede ser negativo</translation>
    </message>
    <message>
        <source>This value is not text</source>
        <translation>Este valor no es texto</translation>
    </message>
    <message>
        <source>This field is required</source>
        <translation>Este campo es obligatorio</translation>
    </message>
    <message>
        <source>At most {maximum} characters</source>
        <translation>Como máximo {maximum} caracteres</translation>
    </message>
    <message>
        <source>Line breaks are not allowed here</source>
        <translation>Aquí no se permiten saltos de línea</translation>
    </message>
    <message>
        <source>The text contains control characters (U+{code})</source>
        <translation>El texto contiene caracteres de control (U+{code})</translation>
    </message>
    <message>
        <source>The text contains invalid characters</source>
        <translation>El texto contiene caracteres no válidos</translation>
    </message>
    <message>
        <source>Enter a date</source>
        <translation>Ingrese una fecha</translation>
    </message>
    <message>
        <source>The date must be between {earliest} and {latest}</source>
        <translation>La fecha debe estar entre {earliest} y {latest}</translation>
    </message>
    <message>
        <source>The amount must be less than {maximum}</source>
        <translation>El monto debe ser menor que {maximum}</translation>
    </message>
    <message>
        <source>The annual rate must be between 0 % and {maximum} %</source>
        <translation>La tasa anual debe estar entre 0 % y {maximum} %</translation>
    </message>
    <message>
        <source>Enter a whole number</source>
        <translation>Ingrese un número entero</translation>
    </message>
    <message>
        <source>The value must be between {minimum} and {maximum}</source>
        <translation>El valor debe estar entre {minimum} y {maximum}</translation>
    </message>
    <message>
        <source>Unknown frequency {value}; use one of {allowed}</source>
        <translation>Frecuencia desconocida {value}; use una de {allowed}</translation>
    </message>
    <message>
        <source>Unknown method {value}; use one of {allowed}</source>
        <translation>Método desconocido {value}; use uno de {allowed}</translation>
    </message>
    <message>
        <source>The down payment cannot be negative</source>
        <translation>El enganche no puede ser negativo</translation>
    </message>
    <message>
        <source>The down payment must be less than the amount</source>
        <translation>El enganche debe ser menor que el monto</translation>
    </message>
    <message>
        <source>The grace periods must be zero or more and fewer than the instalments</source>
        <translation>Los períodos de gracia deben ser cero o más y menos que las cuotas</translation>
    </message>
    <message>
        <source>A bullet schedule repays everything at the end: it has no balloon</source>
        <translation>Un plan al vencimiento paga todo al final: no lleva pago global</translation>
    </message>
    <message>
        <source>The balloon cannot be negative</source>
        <translation>El pago global no puede ser negativo</translation>
    </message>
    <message>
        <source>The balloon must be less than the amount financed</source>
        <translation>El pago global debe ser menor que el monto financiado</translation>
    </message>
    <message>
        <source>The due dates fall outside the calendar</source>
        <translation>Las fechas de vencimiento quedan fuera del calendario</translation>
    </message>
    <message>
        <source>The down payment cannot fall after the first instalment</source>
        <translation>El enganche no puede caer después de la primera cuota</translation>
    </message>
    <message>
        <source>Choose a value from the list</source>
        <translation>Elija un valor de la lista</translation>
    </message>
    <message>
        <source>Enter an amount</source>
        <translation>Ingrese un monto</translation>
    </message>
    <message>
        <source>At most two decimal places</source>
        <translation>Como máximo dos decimales</translation>
    </message>
    <message>
        <source>The amount cannot exceed the balance owed, {maximum}</source>
        <translation>El monto no puede ser mayor que el saldo adeudado, {maximum}</translation>
    </message>
    <message>
        <source>A contact cannot be in the future</source>
        <translation>Una gestión no puede tener fecha futura</translation>
    </message>
    <message>
        <source>Choose an obligation of this case</source>
        <translation>Elija una obligación de este caso</translation>
    </message>
    <message>
        <source>This case has no obligations</source>
        <translation>Este caso no tiene obligaciones</translation>
    </message>
    <message>
        <source>Unknown user: {username}</source>
        <translation>Usuario desconocido: {username}</translation>
    </message>
    <message>
        <source>This figure does not belong to this debtor&apos;s statements</source>
        <translation>Esta cifra no corresponde a los estados financieros de este deudor</translation>
    </message>
    <message>
        <source>A company&apos;s income goes in its income statement (revenue)</source>
        <translation>Los ingresos de una empresa van en su estado de resultados (ventas)</translation>
    </message>
    <message>
        <source>At most {maximum} sources of income</source>
        <translation>Como máximo {maximum} fuentes de ingreso</translation>
    </message>
    <message>
        <source>This source of income is listed twice</source>
        <translation>Esta fuente de ingreso aparece dos veces</translation>
    </message>
    <message>
        <source>This period of the statements of case {case} no longer exists.</source>
        <translation>Este período de los estados financieros del caso {case} ya no existe.</translation>
    </message>
    <message>
        <source>Another period of this case ends on {date}</source>
        <translation>Otro período de este caso termina el {date}</translation>
    </message>
    <message>
        <source>The analysis of case {case} was changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto el análisis del caso {case}.</translation>
    </message>
    <message>
        <source>This document no longer exists.</source>
        <translation>Este documento ya no existe.</translation>
    </message>
    <message>
        <source>Document {number} does not match its SHA-256: the stored file was altered. Do not use it; tell your administrator.</source>
        <translation>El documento {number} no coincide con su SHA-256: el archivo almacenado fue alterado. No lo utilice; avise a su administrador.</translation>
    </message>
    <message>
        <source>Case not found: {case}</source>
        <translation>Caso no encontrado: {case}</translation>
    </message>
    <message>
        <source>The PDF could not be saved in {folder}: {reason}</source>
        <translation>No se pudo guardar el PDF en {folder}: {reason}</translation>
    </message>
    <message>
        <source>Only a convenio or an expediente is sent to legal.</source>
        <translation>Solo se envía a jurídico un convenio o un expediente.</translation>
    </message>
    <message>
        <source>Only the convenio of an approved or active agreement is sent to legal.</source>
        <translation>Solo se envía a jurídico el convenio de pago de un convenio aprobado o activo.</translation>
    </message>
    <message>
        <source>Document {number} was already sent to legal on {date}.</source>
        <translation>El documento {number} ya se envió a jurídico el {date}.</translation>
    </message>
    <message>
        <source>Document {number} was sent to legal meanwhile.</source>
        <translation>El documento {number} fue enviado a jurídico mientras tanto.</translation>
    </message>
    <message>
        <source>Only legal acknowledges receipt.</source>
        <translation>Solo jurídico acusa recibo.</translation>
    </message>
    <message>
        <source>This hand-off no longer exists.</source>
        <translation>Este envío a jurídico ya no existe.</translation>
    </message>
    <message>
        <source>{name} already acknowledged receipt of it on {date}.</source>
        <translation>{name} ya acusó recibo el {date}.</translation>
    </message>
    <message>
        <source>Only legal sees the documents it received.</source>
        <translation>Solo jurídico puede ver los documentos que recibió.</translation>
    </message>
    <message>
        <source>A period of the statements of case {case} was changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto un período de los estados financieros del caso {case}.</translation>
    </message>
    <message>
        <source>You may not change case {case}.</source>
        <translation>Usted no puede modificar el caso {case}.</translation>
    </message>
    <message>
        <source>Invalid database URL: {url}. Use sqlite:///path/to/file.db or postgresql://user@host:port/database.</source>
        <translation>URL de base de datos no válida: {url}. Use sqlite:///ruta/al/archivo.db o postgresql://usuario@servidor:puerto/base.</translation>
    </message>
    <message>
        <source>Unsupported database {backend}: use SQLite or PostgreSQL.</source>
        <translation>La base de datos {backend} no es compatible: use SQLite o PostgreSQL.</translation>
    </message>
    <message>
        <source>The database file {path} does not exist.</source>
        <translation>El archivo de base de datos {path} no existe.</translation>
    </message>
    <message>
        <source>Invalid database URL: {url}.</source>
        <translation>URL de base de datos no válida: {url}.</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>No se puede abrir la base de datos {url}: {reason}</translation>
    </message>
    <message>
        <source>This database uses a newer schema ({revision}) than this version of VIP Desk knows. Install the newer version of VIP Desk.</source>
        <translation>Esta base de datos usa un esquema más reciente ({revision}) del que conoce esta versión de VIP Desk. Instale la versión más reciente de VIP Desk.</translation>
    </message>
    <message>
        <source>The encrypted cache {path} cannot be opened: {reason}</source>
        <translation>No se puede abrir la caché cifrada {path}: {reason}</translation>
    </message>
    <message>
        <source>The encrypted cache {path} cannot be opened with this key.</source>
        <translation>La caché cifrada {path} no se puede abrir con esta clave.</translation>
    </message>
    <message>
        <source>The encrypted cache could not be re-keyed: {reason}</source>
        <translation>No se pudo cambiar la clave de la caché cifrada: {reason}</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>La frase de contraseña no es correcta.</translation>
    </message>
    <message>
        <source>The system keychain could not be used ({reason}). Unlock it or sign in to the desktop session again.</source>
        <translation>No se pudo usar el llavero del sistema ({reason}). Desbloquéelo o vuelva a iniciar la sesión de escritorio.</translation>
    </message>
    <message>
        <source>No passphrase was given, so the local cache cannot be opened.</source>
        <translation>No se indicó la frase de contraseña; no se puede abrir la caché local.</translation>
    </message>
    <message>
        <source>The keychain entry {name} of {service} is not a VIP Desk key. Delete it: the local cache will be rebuilt.</source>
        <translation>La entrada {name} de {service} en el llavero no es una clave de VIP Desk. Elimínela: la caché local se reconstruirá.</translation>
    </message>
    <message>
        <source>The key file {file} is damaged ({reason}). Delete it: the local cache will be rebuilt from the central database.</source>
        <translation>El archivo de clave {file} está dañado ({reason}). Elimínelo: la caché local se reconstruirá desde la base de datos central.</translation>
    </message>
    <message>
        <source>Cannot read or write the key file {file}: {reason}.</source>
        <translation>No se puede leer ni escribir el archivo de clave {file}: {reason}.</translation>
    </message>
    <message>
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation>La frase de contraseña debe tener al menos {minimum} caracteres.</translation>
    </message>
    <message>
        <source>Only the team&apos;s supervisor may reassign {case}.</source>
        <translation>Solo el supervisor del equipo puede reasignar {case}.</translation>
    </message>
    <message>
        <source>Choose an executive</source>
        <translation>Elija un ejecutivo</translation>
    </message>
    <message>
        <source>Choose an executive of the case&apos;s team</source>
        <translation>Elija un ejecutivo del equipo del caso</translation>
    </message>
    <message>
        <source>{case} is already assigned to {executive}.</source>
        <translation>{case} ya está asignado a {executive}.</translation>
    </message>
    <message>
        <source>{case} was reassigned to {executive} by someone else meanwhile.</source>
        <translation>Mientras tanto, otra persona reasignó {case} a {executive}.</translation>
    </message>
    <message>
        <source>Enter a phone number: at least {digits} digits; only digits, spaces, +, - and parentheses</source>
        <translation>Escriba un número de teléfono: al menos {digits} dígitos; solo dígitos, espacios, +, - y paréntesis</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com</source>
        <translation>Escriba un correo electrónico como nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>This contact of {debtor} no longer exists.</source>
        <translation>Este contacto de {debtor} ya no existe.</translation>
    </message>
    <message>
        <source>Debtor not found: {debtor}</source>
        <translation>Deudor no encontrado: {debtor}</translation>
    </message>
    <message>
        <source>A contact of {debtor} was changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto un contacto de {debtor}.</translation>
    </message>
    <message>
        <source>{debtor} was changed by someone else since you opened it.</source>
        <translation>Otra persona modificó {debtor} después de que usted lo abrió.</translation>
    </message>
    <message>
        <source>No connection to the central database: {reason}</source>
        <translation>Sin conexión con la base de datos central: {reason}</translation>
    </message>
    <message>
        <source>Building the local cache was cancelled.</source>
        <translation>Se canceló la creación de la caché local.</translation>
    </message>
    <message>
        <source>That conflict was already settled.</source>
        <translation>Ese conflicto ya se resolvió.</translation>
    </message>
    <message>
        <source>Only an edit can be applied again.</source>
        <translation>Solo una edición se puede volver a aplicar.</translation>
    </message>
    <message>
        <source>The database {path} is encrypted and this computer no longer has its key (it was in the system keychain or a passphrase file that is gone). Restore the key, or move the file away to start a new demo database.</source>
        <translation>La base de datos {path} está cifrada y este equipo ya no tiene su clave (estaba en el llavero del sistema o en un archivo de frase de contraseña que ya no existe). Restaure la clave, o mueva el archivo a otro lugar para empezar una nueva base de demostración.</translation>
    </message>
    <message>
        <source>No passphrase was given, so this computer&apos;s encrypted database cannot be opened.</source>
        <translation>No se indicó la frase de contraseña, así que no se puede abrir la base de datos cifrada de este equipo.</translation>
    </message>
    <message>
        <source>Cannot open the database {path}: {reason}</source>
        <translation>No se puede abrir la base de datos {path}: {reason}</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened with this computer&apos;s key.</source>
        <translation>La base de datos {path} no se puede abrir con la clave de este equipo.</translation>
    </message>
    <message>
        <source>{username} has no local copy on this computer. Sign in while connected to the central database the first time.</source>
        <translation>{username} no tiene copia local en este equipo. La primera vez, inicie sesión con conexión a la base de datos central.</translation>
    </message>
    <message>
        <source>No connection to the central database, and {username} has no local copy on this computer.</source>
        <translation>Sin conexión con la base de datos central, y {username} no tiene copia local en este equipo.</translation>
    </message>
    <message>
        <source>No connection to the central database, and the local copy of {username} was never completed.</source>
        <translation>Sin conexión con la base de datos central, y la copia local de {username} nunca se completó.</translation>
    </message>
    <message>
        <source>Unknown tab {tab}; one of: {tabs}</source>
        <translation>Pestaña desconocida {tab}; una de: {tabs}</translation>
    </message>
    <message>
        <source>Case {case} not found, or not visible to {user}.</source>
        <translation>No se encontró el caso {case}, o {user} no puede verlo.</translation>
    </message>
    <message>
        <source>The list could not be saved to {path}: {reason}</source>
        <translation>No se pudo guardar la lista en {path}: {reason}</translation>
    </message>
    <message>
        <source>The limit cannot be negative</source>
        <translation>El límite no puede ser negativo</translation>
    </message>
    <message>
        <source>Enter a fraction between 0 and 1, such as 0.20</source>
        <translation>Escriba una fracción entre 0 y 1, como 0.20</translation>
    </message>
    <message>
        <source>Enter a limit for {currency}</source>
        <translation>Escriba un límite para {currency}</translation>
    </message>
    <message>
        <source>Unknown currency {currency}</source>
        <translation>Moneda desconocida {currency}</translation>
    </message>
    <message>
        <source>The policy needs at least one tier</source>
        <translation>La política necesita al menos un nivel</translation>
    </message>
    <message>
        <source>Choose a higher level than the tier before ({previous})</source>
        <translation>Elija un nivel superior al anterior ({previous})</translation>
    </message>
    <message>
        <source>Enter at least the limit of the tier before ({previous})</source>
        <translation>Escriba al menos el límite del nivel anterior ({previous})</translation>
    </message>
    <message>
        <source>Enter the policy as a list of tiers</source>
        <translation>Escriba la política como una lista de niveles</translation>
    </message>
    <message>
        <source>Enter each tier as a set of named limits</source>
        <translation>Escriba cada nivel como un conjunto de límites con nombre</translation>
    </message>
    <message>
        <source>Unknown setting {name}</source>
        <translation>Parámetro desconocido {name}</translation>
    </message>
    <message>
        <source>This setting is required</source>
        <translation>Este parámetro es obligatorio</translation>
    </message>
    <message>
        <source>Unknown approver level {value}; use one of {choices}</source>
        <translation>Nivel de aprobación desconocido {value}; use uno de {choices}</translation>
    </message>
    <message>
        <source>Enter a limit for each currency: {currencies}</source>
        <translation>Escriba un límite para cada moneda: {currencies}</translation>
    </message>
    <message>
        <source>Write the number as text, such as {example}</source>
        <translation>Escriba el número como texto, por ejemplo {example}</translation>
    </message>
    <message>
        <source>Enter a number, for example {example}</source>
        <translation>Escriba un número, por ejemplo {example}</translation>
    </message>
    <message>
        <source>Enter a whole number of months</source>
        <translation>Escriba un número entero de meses</translation>
    </message>
    <message>
        <source>Company and individual statements cannot be mixed</source>
        <translation>No se pueden mezclar estados de empresa y de persona</translation>
    </message>
    <message>
        <source>Two periods end on {date}</source>
        <translation>Dos períodos terminan el {date}</translation>
    </message>
    <message>
        <source>Unknown ratio</source>
        <translation>Indicador desconocido</translation>
    </message>
    <message>
        <source>The green threshold cannot be below the red one</source>
        <translation>El umbral verde no puede ser menor que el rojo</translation>
    </message>
    <message>
        <source>The green threshold cannot be above the red one</source>
        <translation>El umbral verde no puede ser mayor que el rojo</translation>
    </message>
    <message>
        <source>Enter a number</source>
        <translation>Escriba un número</translation>
    </message>
    <message>
        <source>Enter the green and the red threshold</source>
        <translation>Escriba el umbral verde y el rojo</translation>
    </message>
    <message>
        <source>Unknown setting</source>
        <translation>Parámetro desconocido</translation>
    </message>
    <message>
        <source>This value is required</source>
        <translation>Este valor es obligatorio</translation>
    </message>
    <message>
        <source>Enter a share from 0 up to (not including) 1</source>
        <translation>Escriba una proporción desde 0 hasta 1 (sin incluirlo)</translation>
    </message>
    <message>
        <source>Enter a probability between 0 and 1</source>
        <translation>Escriba una probabilidad entre 0 y 1</translation>
    </message>
    <message>
        <source>The date cannot be before {earliest}</source>
        <translation>La fecha no puede ser anterior al {earliest}</translation>
    </message>
    <message>
        <source>Describe the asset</source>
        <translation>Describa el bien</translation>
    </message>
    <message>
        <source>This related party of {debtor} no longer exists.</source>
        <translation>Esta persona relacionada con {debtor} ya no existe.</translation>
    </message>
    <message>
        <source>A related party of {debtor} was changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto una persona relacionada con {debtor}.</translation>
    </message>
    <message>
        <source>Only an administrator may change settings.</source>
        <translation>Solo un administrador puede modificar la configuración.</translation>
    </message>
    <message>
        <source>Choose an obligation of this case with collateral</source>
        <translation>Elija una obligación de este caso que tenga garantía</translation>
    </message>
    <message>
        <source>The assumptions of case {case} were changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto los supuestos del caso {case}.</translation>
    </message>
    <message>
        <source>Import between 1 and {maximum} periods</source>
        <translation>Importe entre 1 y {maximum} períodos</translation>
    </message>
    <message>
        <source>The template could not be saved to {path}: {reason}</source>
        <translation>No se pudo guardar la plantilla en {path}: {reason}</translation>
    </message>
    <message>
        <source>The file {name} could not be read: {reason}</source>
        <translation>No se pudo leer el archivo {name}: {reason}</translation>
    </message>
    <message>
        <source>The file {name} is empty</source>
        <translation>El archivo {name} está vacío</translation>
    </message>
    <message>
        <source>The file {name} is too large ({size} MB) to be a filled template (at most {maximum} MB)</source>
        <translation>El archivo {name} es demasiado grande ({size} MB) para ser una plantilla llena (como máximo {maximum} MB)</translation>
    </message>
    <message>
        <source>The file {name} is damaged or is not an Excel workbook (.xlsx)</source>
        <translation>El archivo {name} está dañado o no es un libro de Excel (.xlsx)</translation>
    </message>
    <message>
        <source>The file {name} is in the old Excel format (.xls): open it in Excel and save it as an Excel workbook (.xlsx)</source>
        <translation>El archivo {name} está en el formato antiguo de Excel (.xls): ábralo en Excel y guárdelo como libro de Excel (.xlsx)</translation>
    </message>
    <message>
        <source>The file {name} is protected with a password: open it in Excel, remove the password and save it again</source>
        <translation>El archivo {name} está protegido con contraseña: ábralo en Excel, quite la contraseña y vuelva a guardarlo</translation>
    </message>
    <message>
        <source>The file {name} holds far more data than a filled template</source>
        <translation>El archivo {name} contiene muchos más datos que una plantilla llena</translation>
    </message>
    <message>
        <source>The file {name} is not a VIP Desk financial statements template: download the template from the Financial analysis tab and fill it in</source>
        <translation>El archivo {name} no es una plantilla de estados financieros de VIP Desk: descargue la plantilla desde la pestaña Análisis financiero y llénela</translation>
    </message>
    <message>
        <source>The template {name} has no version: download a new template and copy the figures into it</source>
        <translation>La plantilla {name} no tiene versión: descargue una plantilla nueva y copie las cifras en ella</translation>
    </message>
    <message>
        <source>The template {name} is version {version}; this VIP Desk reads version {expected}: download a new template and copy the figures into it</source>
        <translation>La plantilla {name} es de la versión {version}; este VIP Desk lee la versión {expected}: descargue una plantilla nueva y copie las cifras en ella</translation>
    </message>
    <message>
        <source>The template {name} does not say whether it is for a company or an individual: download a new template and copy the figures into it</source>
        <translation>La plantilla {name} no indica si es para una empresa o para una persona: descargue una plantilla nueva y copie las cifras en ella</translation>
    </message>
    <message>
        <source>The template {name} is for a company&apos;s statements, but this debtor is an individual: download the template from this case</source>
        <translation>La plantilla {name} es para los estados financieros de una empresa, pero este deudor es una persona: descargue la plantilla desde este caso</translation>
    </message>
    <message>
        <source>The template {name} is for an individual&apos;s finances, but this debtor is a company: download the template from this case</source>
        <translation>La plantilla {name} es para las finanzas de una persona, pero este deudor es una empresa: descargue la plantilla desde este caso</translation>
    </message>
    <message>
        <source>The hidden column that identifies each row is missing from {name}: download a new template and copy the figures into it</source>
        <translation>Falta en {name} la columna oculta que identifica cada fila: descargue una plantilla nueva y copie las cifras en ella</translation>
    </message>
    <message>
        <source>The period end row is missing from {name}: download a new template and copy the figures into it</source>
        <translation>Falta en {name} la fila del cierre del período: descargue una plantilla nueva y copie las cifras en ella</translation>
    </message>
    <message>
        <source>Rows {first} and {second} of {name} are the same row of the template (“{label}”): keep one and delete the other</source>
        <translation>Las filas {first} y {second} de {name} son la misma fila de la plantilla (“{label}”): conserve una y elimine la otra</translation>
    </message>
    <message>
        <source>Row {row} of {name} (“{label}”) is not part of this template: delete it or download a new template</source>
        <translation>La fila {row} de {name} (“{label}”) no forma parte de esta plantilla: elimínela o descargue una plantilla nueva</translation>
    </message>
    <message>
        <source>The template {name} has {count} periods; at most {maximum} can be imported at once</source>
        <translation>La plantilla {name} tiene {count} períodos; como máximo se pueden importar {maximum} a la vez</translation>
    </message>
    <message>
        <source>Cell {cell} is outside the template: it uses at most {maximum} rows</source>
        <translation>La celda {cell} está fuera de la plantilla: esta usa como máximo {maximum} filas</translation>
    </message>
    <message>
        <source>Cell {cell} is outside the template: it uses at most {maximum} columns</source>
        <translation>La celda {cell} está fuera de la plantilla: esta usa como máximo {maximum} columnas</translation>
    </message>
    <message>
        <source>Cell {cell}: the formula has no saved result; open the file in Excel and save it, or type the value</source>
        <translation>Celda {cell}: la fórmula no tiene un resultado guardado; abra el archivo en Excel y guárdelo, o escriba el valor</translation>
    </message>
    <message>
        <source>Cell {cell} shows the error {error}: correct it or type the value</source>
        <translation>La celda {cell} muestra el error {error}: corríjalo o escriba el valor</translation>
    </message>
    <message>
        <source>Cell {cell}: “{text}” is not a number; enter one such as {example}</source>
        <translation>Celda {cell}: “{text}” no es un número; escriba uno como {example}</translation>
    </message>
    <message>
        <source>Cell {cell}: the amount is too large (at most {maximum})</source>
        <translation>Celda {cell}: el monto es demasiado grande (como máximo {maximum})</translation>
    </message>
    <message>
        <source>Cell {cell}: “{text}” is not a date; enter one such as {example}</source>
        <translation>Celda {cell}: “{text}” no es una fecha; escriba una como {example}</translation>
    </message>
    <message>
        <source>Cell {cell}: the period cannot end on {date}; enter a date from {first} to {last}</source>
        <translation>Celda {cell}: el período no puede terminar el {date}; escriba una fecha del {first} al {last}</translation>
    </message>
    <message>
        <source>Cell {cell}: enter the date the period ends (its column has data)</source>
        <translation>Celda {cell}: escriba la fecha en que termina el período (su columna tiene datos)</translation>
    </message>
    <message>
        <source>Cell {cell}: the period in {other} also ends on {date}; each period ends on its own date</source>
        <translation>Celda {cell}: el período de {other} también termina el {date}; cada período debe terminar en una fecha distinta</translation>
    </message>
    <message>
        <source>Cell {cell}: “{text}” is not a number of months; enter a whole number from 1 to {maximum}</source>
        <translation>Celda {cell}: “{text}” no es un número de meses; escriba un número entero de 1 a {maximum}</translation>
    </message>
    <message>
        <source>Cell {cell}: the label is too long (at most {maximum} characters)</source>
        <translation>Celda {cell}: la etiqueta es demasiado larga (como máximo {maximum} caracteres)</translation>
    </message>
    <message>
        <source>Cell {cell}: this row is not part of the template, so its figures would be lost; move them to a row of the template or delete them</source>
        <translation>Celda {cell}: esta fila no forma parte de la plantilla, así que sus cifras se perderían; muévalas a una fila de la plantilla o elimínelas</translation>
    </message>
    <message>
        <source>Use at most {places} decimals</source>
        <translation>Use como máximo {places} decimales</translation>
    </message>
    <message>
        <source>Enter this before submitting the agreement for approval</source>
        <translation>Ingrese este dato antes de enviar el convenio a aprobación</translation>
    </message>
    <message>
        <source>Enter a date as yyyy-mm-dd</source>
        <translation>Escriba una fecha como aaaa-mm-dd</translation>
    </message>
    <message>
        <source>Enter the terms</source>
        <translation>Escriba las condiciones</translation>
    </message>
    <message>
        <source>This term does not apply to an agreement</source>
        <translation>Esta condición no aplica a un convenio</translation>
    </message>
    <message>
        <source>The discount must be less than the total owed, {total}</source>
        <translation>La quita debe ser menor que el total adeudado, {total}</translation>
    </message>
    <message>
        <source>The down payment must be less than the amount to pay, {to_pay}</source>
        <translation>El enganche debe ser menor que el monto a pagar, {to_pay}</translation>
    </message>
    <message>
        <source>The down payment would fall on {date}, before today: enter its date</source>
        <translation>El enganche caería el {date}, antes de hoy: ingrese su fecha</translation>
    </message>
    <message>
        <source>This term does not apply to this kind of scenario</source>
        <translation>Esta condición no aplica a este tipo de escenario</translation>
    </message>
    <message>
        <source>The transfer costs take all the asset would bring</source>
        <translation>Los costos de traspaso absorben todo lo que produciría el bien</translation>
    </message>
    <message>
        <source>These terms can no longer be valued: edit the scenario</source>
        <translation>Estas condiciones ya no se pueden valorar: edite el escenario</translation>
    </message>
    <message>
        <source>Nothing is owed on this case: there is nothing to settle</source>
        <translation>Este caso no tiene saldo adeudado: no hay nada que negociar</translation>
    </message>
    <message>
        <source>Say why you prefer this scenario to the recommended one</source>
        <translation>Indique por qué prefiere este escenario al recomendado</translation>
    </message>
    <message>
        <source>An agreement of case {case} was changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto un convenio del caso {case}.</translation>
    </message>
    <message>
        <source>Agreement {number} is waiting for approval: it must be decided first.</source>
        <translation>El convenio {number} está pendiente de aprobación: primero debe resolverse.</translation>
    </message>
    <message>
        <source>This scenario of case {case} no longer exists.</source>
        <translation>Este escenario del caso {case} ya no existe.</translation>
    </message>
    <message>
        <source>Version {version} of agreement {number} is {status}: it can no longer be changed.</source>
        <translation>La versión {version} del convenio {number} tiene el estado {status}: ya no se puede modificar.</translation>
    </message>
    <message>
        <source>Agreement {number} of case {case} was changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto el convenio {number} del caso {case}.</translation>
    </message>
    <message>
        <source>Version {version} of agreement {number} is {status}: only an approved, active or rejected version can be revised.</source>
        <translation>La versión {version} del convenio {number} tiene el estado {status}: solo se puede crear una nueva versión a partir de una versión aprobada, activa o rechazada.</translation>
    </message>
    <message>
        <source>Version {version} of agreement {number} is still open: finish it first.</source>
        <translation>La versión {version} del convenio {number} sigue abierta: termínela primero.</translation>
    </message>
    <message>
        <source>A scenario of case {case} was changed by someone else meanwhile.</source>
        <translation>Otra persona modificó mientras tanto un escenario del caso {case}.</translation>
    </message>
    <message>
        <source>Enter a percentage from 0 to 100, such as 18</source>
        <translation>Escriba un porcentaje de 0 a 100, como 18</translation>
    </message>
    <message>
        <source>Enter a percentage from 0 up to (not including) 100, such as 30</source>
        <translation>Escriba un porcentaje desde 0 hasta 100 (sin incluirlo), como 30</translation>
    </message>
    <message>
        <source>An agreement that is {status} cannot be {action}.</source>
        <translation>Un convenio con el estado {status} no puede ser {action}.</translation>
    </message>
    <message>
        <source>{label} is too long for a letter: at most {maximum} characters</source>
        <translation>{label} excede la longitud admitida en una carta: como máximo {maximum} caracteres</translation>
    </message>
    <message>
        <source>{label} contains characters the letter cannot print: {chars}</source>
        <translation>{label} contiene caracteres que la carta no puede imprimir: {chars}</translation>
    </message>
    <message>
        <source>{label} contains right-to-left text, which the letter cannot print in the right order: {chars}</source>
        <translation>{label} contiene texto de derecha a izquierda, que la carta no puede imprimir en el orden correcto: {chars}</translation>
    </message>
    <message>
        <source>{label} cannot contain line breaks</source>
        <translation>{label} no puede contener saltos de línea</translation>
    </message>
    <message>
        <source>{label} cannot be negative</source>
        <translation>{label} no admite valores negativos</translation>
    </message>
    <message>
        <source>{label} is too large to write in a letter</source>
        <translation>{label} es una cifra demasiado grande para escribirla en una carta</translation>
    </message>
    <message>
        <source>{label} must be between {earliest} and {latest}</source>
        <translation>{label} debe estar entre {earliest} y {latest}</translation>
    </message>
    <message>
        <source>The company&apos;s logo is not a PNG or JPEG image</source>
        <translation>El logotipo de la empresa no es una imagen PNG ni JPEG</translation>
    </message>
    <message>
        <source>The company&apos;s logo is too large (at most 5 MB)</source>
        <translation>El logotipo de la empresa es demasiado grande (como máximo 5 MB)</translation>
    </message>
    <message>
        <source>The company&apos;s trade name</source>
        <translation>El nombre comercial de la empresa</translation>
    </message>
    <message>
        <source>The company&apos;s trade name is required</source>
        <translation>El nombre comercial de la empresa es obligatorio</translation>
    </message>
    <message>
        <source>The company&apos;s legal name</source>
        <translation>La razón social de la empresa</translation>
    </message>
    <message>
        <source>The company&apos;s legal name is required</source>
        <translation>La razón social de la empresa es obligatoria</translation>
    </message>
    <message>
        <source>The company&apos;s tax id</source>
        <translation>El NIT/RFC de la empresa</translation>
    </message>
    <message>
        <source>The company&apos;s tax id is required</source>
        <translation>El NIT/RFC de la empresa es obligatorio</translation>
    </message>
    <message>
        <source>The company&apos;s address</source>
        <translation>La dirección de la empresa</translation>
    </message>
    <message>
        <source>The company&apos;s address is required</source>
        <translation>La dirección de la empresa es obligatoria</translation>
    </message>
    <message>
        <source>The company&apos;s city</source>
        <translation>La ciudad de la empresa</translation>
    </message>
    <message>
        <source>The company&apos;s phone</source>
        <translation>El teléfono de la empresa</translation>
    </message>
    <message>
        <source>The company&apos;s phone is required</source>
        <translation>El teléfono de la empresa es obligatorio</translation>
    </message>
    <message>
        <source>The company&apos;s email</source>
        <translation>El correo electrónico de la empresa</translation>
    </message>
    <message>
        <source>The company&apos;s email is required</source>
        <translation>El correo electrónico de la empresa es obligatorio</translation>
    </message>
    <message>
        <source>The company&apos;s website</source>
        <translation>El sitio web de la empresa</translation>
    </message>
    <message>
        <source>Where debtors may complain</source>
        <translation>Dónde pueden presentar sus quejas los deudores</translation>
    </message>
    <message>
        <source>Where debtors may complain is required</source>
        <translation>Es obligatorio indicar dónde pueden presentar sus quejas los deudores</translation>
    </message>
    <message>
        <source>The document number</source>
        <translation>El número de documento</translation>
    </message>
    <message>
        <source>The document number is required</source>
        <translation>El número de documento es obligatorio</translation>
    </message>
    <message>
        <source>The case number</source>
        <translation>El número de caso</translation>
    </message>
    <message>
        <source>The case number is required</source>
        <translation>El número de caso es obligatorio</translation>
    </message>
    <message>
        <source>The place of issue</source>
        <translation>El lugar de emisión</translation>
    </message>
    <message>
        <source>The place of issue is required</source>
        <translation>El lugar de emisión es obligatorio</translation>
    </message>
    <message>
        <source>The debtor&apos;s name</source>
        <translation>El nombre del deudor</translation>
    </message>
    <message>
        <source>The debtor&apos;s name is required</source>
        <translation>El nombre del deudor es obligatorio</translation>
    </message>
    <message>
        <source>The debtor&apos;s identity document</source>
        <translation>El documento de identidad del deudor</translation>
    </message>
    <message>
        <source>The debtor&apos;s identity document is required</source>
        <translation>El documento de identidad del deudor es obligatorio</translation>
    </message>
    <message>
        <source>The debtor&apos;s capacity</source>
        <translation>El carácter del deudor</translation>
    </message>
    <message>
        <source>The debtor&apos;s address</source>
        <translation>La dirección del deudor</translation>
    </message>
    <message>
        <source>The debtor&apos;s address is required</source>
        <translation>La dirección del deudor es obligatoria</translation>
    </message>
    <message>
        <source>A party&apos;s name</source>
        <translation>El nombre de una parte</translation>
    </message>
    <message>
        <source>Every party&apos;s name is required</source>
        <translation>El nombre de cada parte es obligatorio</translation>
    </message>
    <message>
        <source>A party&apos;s identity document</source>
        <translation>El documento de identidad de una parte</translation>
    </message>
    <message>
        <source>The identity document of {name} is required</source>
        <translation>El documento de identidad de {name} es obligatorio</translation>
    </message>
    <message>
        <source>A party&apos;s capacity</source>
        <translation>El carácter de una parte</translation>
    </message>
    <message>
        <source>A party&apos;s address</source>
        <translation>La dirección de una parte</translation>
    </message>
    <message>
        <source>The executive&apos;s name</source>
        <translation>El nombre del ejecutivo</translation>
    </message>
    <message>
        <source>The executive&apos;s name is required</source>
        <translation>El nombre del ejecutivo es obligatorio</translation>
    </message>
    <message>
        <source>The executive&apos;s phone</source>
        <translation>El teléfono del ejecutivo</translation>
    </message>
    <message>
        <source>The executive&apos;s phone is required</source>
        <translation>El teléfono del ejecutivo es obligatorio</translation>
    </message>
    <message>
        <source>The executive&apos;s email</source>
        <translation>El correo electrónico del ejecutivo</translation>
    </message>
    <message>
        <source>The executive&apos;s email is required</source>
        <translation>El correo electrónico del ejecutivo es obligatorio</translation>
    </message>
    <message>
        <source>The creditor&apos;s name</source>
        <translation>El nombre del acreedor</translation>
    </message>
    <message>
        <source>The creditor&apos;s bank</source>
        <translation>El banco del acreedor</translation>
    </message>
    <message>
        <source>The creditor&apos;s bank is required</source>
        <translation>El banco del acreedor es obligatorio</translation>
    </message>
    <message>
        <source>The creditor&apos;s bank account</source>
        <translation>La cuenta bancaria del acreedor</translation>
    </message>
    <message>
        <source>The creditor&apos;s bank account is required</source>
        <translation>La cuenta bancaria del acreedor es obligatoria</translation>
    </message>
    <message>
        <source>The credit number</source>
        <translation>El número de crédito</translation>
    </message>
    <message>
        <source>The credit number is required</source>
        <translation>El número de crédito es obligatorio</translation>
    </message>
    <message>
        <source>The origin of the obligation</source>
        <translation>El origen de la obligación</translation>
    </message>
    <message>
        <source>The origin of the obligation is required</source>
        <translation>El origen de la obligación es obligatorio</translation>
    </message>
    <message>
        <source>The agreement number</source>
        <translation>El número de convenio</translation>
    </message>
    <message>
        <source>The agreement number is required</source>
        <translation>El número de convenio es obligatorio</translation>
    </message>
    <message>
        <source>The agreement&apos;s status</source>
        <translation>El estado del convenio</translation>
    </message>
    <message>
        <source>What the reminder is for</source>
        <translation>El motivo del recordatorio</translation>
    </message>
    <message>
        <source>The jurisdiction</source>
        <translation>La jurisdicción</translation>
    </message>
    <message>
        <source>The jurisdiction is required</source>
        <translation>La jurisdicción es obligatoria</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Las notas</translation>
    </message>
    <message>
        <source>The case status</source>
        <translation>El estado del caso</translation>
    </message>
    <message>
        <source>The recommendation</source>
        <translation>La recomendación</translation>
    </message>
    <message>
        <source>The recommendation is required</source>
        <translation>La recomendación es obligatoria</translation>
    </message>
    <message>
        <source>How the principal was computed</source>
        <translation>Cómo se calculó el capital</translation>
    </message>
    <message>
        <source>How the interest was computed</source>
        <translation>Cómo se calcularon los intereses</translation>
    </message>
    <message>
        <source>How the default interest was computed</source>
        <translation>Cómo se calculó el interés moratorio</translation>
    </message>
    <message>
        <source>How the charges were computed</source>
        <translation>Cómo se calcularon los cargos</translation>
    </message>
    <message>
        <source>An obligation&apos;s credit number</source>
        <translation>El número de crédito de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s product</source>
        <translation>El producto de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s contract</source>
        <translation>El contrato de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s collateral</source>
        <translation>La garantía de una obligación</translation>
    </message>
    <message>
        <source>A contact&apos;s channel</source>
        <translation>El canal de una gestión</translation>
    </message>
    <message>
        <source>A contact&apos;s direction</source>
        <translation>El sentido de una gestión</translation>
    </message>
    <message>
        <source>A contact&apos;s outcome</source>
        <translation>El resultado de una gestión</translation>
    </message>
    <message>
        <source>The person reached in a contact</source>
        <translation>La persona contactada en una gestión</translation>
    </message>
    <message>
        <source>A contact&apos;s notes</source>
        <translation>Las notas de una gestión</translation>
    </message>
    <message>
        <source>A contact&apos;s author</source>
        <translation>El autor de una gestión</translation>
    </message>
    <message>
        <source>A promise&apos;s status</source>
        <translation>El estado de una promesa</translation>
    </message>
    <message>
        <source>A promise&apos;s notes</source>
        <translation>Las notas de una promesa</translation>
    </message>
    <message>
        <source>A financial figure&apos;s name</source>
        <translation>El nombre de una cifra financiera</translation>
    </message>
    <message>
        <source>A financial figure&apos;s value</source>
        <translation>El valor de una cifra financiera</translation>
    </message>
    <message>
        <source>A strategy section&apos;s title</source>
        <translation>El título de una sección de la estrategia</translation>
    </message>
    <message>
        <source>A strategy section&apos;s text</source>
        <translation>El texto de una sección de la estrategia</translation>
    </message>
    <message>
        <source>An approval step&apos;s action</source>
        <translation>La acción de un paso de aprobación</translation>
    </message>
    <message>
        <source>The person who took an approval step</source>
        <translation>La persona que realizó un paso de aprobación</translation>
    </message>
    <message>
        <source>An approval step&apos;s comment</source>
        <translation>El comentario de un paso de aprobación</translation>
    </message>
    <message>
        <source>An approval step&apos;s required level</source>
        <translation>El nivel requerido de un paso de aprobación</translation>
    </message>
    <message>
        <source>A sent document&apos;s kind</source>
        <translation>El tipo de un documento enviado</translation>
    </message>
    <message>
        <source>A sent document&apos;s number</source>
        <translation>El número de un documento enviado</translation>
    </message>
    <message>
        <source>A sent document&apos;s SHA-256</source>
        <translation>El SHA-256 de un documento enviado</translation>
    </message>
    <message>
        <source>The date of issue</source>
        <translation>La fecha de emisión</translation>
    </message>
    <message>
        <source>The date of the balance</source>
        <translation>La fecha del saldo</translation>
    </message>
    <message>
        <source>The date of the balance is required</source>
        <translation>La fecha del saldo es obligatoria</translation>
    </message>
    <message>
        <source>The breakdown of the amount owed</source>
        <translation>El desglose del monto adeudado</translation>
    </message>
    <message>
        <source>The breakdown of the amount owed is required</source>
        <translation>El desglose del monto adeudado es obligatorio</translation>
    </message>
    <message>
        <source>The principal</source>
        <translation>El capital</translation>
    </message>
    <message>
        <source>The ordinary interest</source>
        <translation>El interés ordinario</translation>
    </message>
    <message>
        <source>The default interest</source>
        <translation>El interés moratorio</translation>
    </message>
    <message>
        <source>The other charges</source>
        <translation>Los otros cargos</translation>
    </message>
    <message>
        <source>The total owed</source>
        <translation>El total adeudado</translation>
    </message>
    <message>
        <source>The discount</source>
        <translation>La quita</translation>
    </message>
    <message>
        <source>The discount percentage</source>
        <translation>El porcentaje de quita</translation>
    </message>
    <message>
        <source>The amount to pay</source>
        <translation>El monto a pagar</translation>
    </message>
    <message>
        <source>The down payment</source>
        <translation>El enganche</translation>
    </message>
    <message>
        <source>The date of the down payment</source>
        <translation>La fecha del enganche</translation>
    </message>
    <message>
        <source>The number of instalments</source>
        <translation>El número de cuotas</translation>
    </message>
    <message>
        <source>The interest rate</source>
        <translation>La tasa de interés</translation>
    </message>
    <message>
        <source>The interest rate of the instalments is required</source>
        <translation>La tasa de interés de las cuotas es obligatoria</translation>
    </message>
    <message>
        <source>The first due date</source>
        <translation>La primera fecha de vencimiento</translation>
    </message>
    <message>
        <source>The first due date is required</source>
        <translation>La primera fecha de vencimiento es obligatoria</translation>
    </message>
    <message>
        <source>The days of grace</source>
        <translation>Los días de gracia</translation>
    </message>
    <message>
        <source>The rate on late instalments</source>
        <translation>La tasa moratoria de las cuotas atrasadas</translation>
    </message>
    <message>
        <source>The rate on late instalments is required</source>
        <translation>La tasa moratoria de las cuotas atrasadas es obligatoria</translation>
    </message>
    <message>
        <source>The days late before the whole balance falls due</source>
        <translation>Los días de atraso tras los cuales vence anticipadamente todo el saldo</translation>
    </message>
    <message>
        <source>The days late before the whole balance falls due are required</source>
        <translation>Los días de atraso tras los cuales vence anticipadamente todo el saldo son obligatorios</translation>
    </message>
    <message>
        <source>The date the offer is valid until</source>
        <translation>La fecha de vigencia de la oferta</translation>
    </message>
    <message>
        <source>The date the offer is valid until is required</source>
        <translation>La fecha de vigencia de la oferta es obligatoria</translation>
    </message>
    <message>
        <source>The payment frequency</source>
        <translation>La frecuencia de pago</translation>
    </message>
    <message>
        <source>The payment frequency is required</source>
        <translation>La frecuencia de pago es obligatoria</translation>
    </message>
    <message>
        <source>The payment schedule</source>
        <translation>El calendario de pagos</translation>
    </message>
    <message>
        <source>The payment schedule is required</source>
        <translation>El calendario de pagos es obligatorio</translation>
    </message>
    <message>
        <source>A schedule row&apos;s number</source>
        <translation>El número de una fila del calendario de pagos</translation>
    </message>
    <message>
        <source>A schedule row&apos;s date</source>
        <translation>La fecha de una fila del calendario de pagos</translation>
    </message>
    <message>
        <source>A schedule row&apos;s payment</source>
        <translation>El pago de una fila del calendario de pagos</translation>
    </message>
    <message>
        <source>A schedule row&apos;s principal</source>
        <translation>El capital de una fila del calendario de pagos</translation>
    </message>
    <message>
        <source>A schedule row&apos;s interest</source>
        <translation>El interés de una fila del calendario de pagos</translation>
    </message>
    <message>
        <source>A schedule row&apos;s balance</source>
        <translation>El saldo de una fila del calendario de pagos</translation>
    </message>
    <message>
        <source>The deadline</source>
        <translation>La fecha límite</translation>
    </message>
    <message>
        <source>The deadline to pay or to call is required</source>
        <translation>La fecha límite para pagar o llamar es obligatoria</translation>
    </message>
    <message>
        <source>The amount due</source>
        <translation>El monto por pagar</translation>
    </message>
    <message>
        <source>The amount due is required</source>
        <translation>El monto por pagar es obligatorio</translation>
    </message>
    <message>
        <source>The due date</source>
        <translation>La fecha de vencimiento</translation>
    </message>
    <message>
        <source>The due date is required</source>
        <translation>La fecha de vencimiento es obligatoria</translation>
    </message>
    <message>
        <source>The date the debt was paid in full</source>
        <translation>La fecha en que se liquidó la deuda</translation>
    </message>
    <message>
        <source>The date the debt was paid in full is required</source>
        <translation>La fecha en que se liquidó la deuda es obligatoria</translation>
    </message>
    <message>
        <source>The exposure</source>
        <translation>La exposición</translation>
    </message>
    <message>
        <source>The days past due</source>
        <translation>Los días de atraso</translation>
    </message>
    <message>
        <source>The obligations</source>
        <translation>Las obligaciones</translation>
    </message>
    <message>
        <source>At least one obligation is required</source>
        <translation>Se requiere al menos una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s date</source>
        <translation>La fecha de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s principal</source>
        <translation>El capital de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s interest</source>
        <translation>El interés de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s default interest</source>
        <translation>El interés moratorio de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s charges</source>
        <translation>Los cargos de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s balance</source>
        <translation>El saldo de una obligación</translation>
    </message>
    <message>
        <source>An obligation&apos;s days past due</source>
        <translation>Los días de atraso de una obligación</translation>
    </message>
    <message>
        <source>A contact&apos;s date</source>
        <translation>La fecha de una gestión</translation>
    </message>
    <message>
        <source>A promise&apos;s date</source>
        <translation>La fecha de una promesa</translation>
    </message>
    <message>
        <source>A promise&apos;s due date</source>
        <translation>La fecha de vencimiento de una promesa</translation>
    </message>
    <message>
        <source>A promise&apos;s amount</source>
        <translation>El monto de una promesa</translation>
    </message>
    <message>
        <source>A promise&apos;s amount paid</source>
        <translation>El monto pagado de una promesa</translation>
    </message>
    <message>
        <source>An approval step&apos;s date</source>
        <translation>La fecha de un paso de aprobación</translation>
    </message>
    <message>
        <source>A sent document&apos;s date</source>
        <translation>La fecha de un documento enviado</translation>
    </message>
    <message>
        <source>The creditor&apos;s signatory</source>
        <translation>El firmante del acreedor</translation>
    </message>
    <message>
        <source>The person who signs for the creditor is required</source>
        <translation>Es obligatorio indicar quién firma por el acreedor</translation>
    </message>
    <message>
        <source>{label} is required: the template prints it</source>
        <translation>{label} es un dato obligatorio: la plantilla lo imprime</translation>
    </message>
    <message>
        <source>Unknown kind of letter {kind}; use one of {choices}</source>
        <translation>Tipo de carta desconocido {kind}; use uno de {choices}</translation>
    </message>
    <message>
        <source>Unsupported currency {currency}; use one of {choices}</source>
        <translation>Moneda no admitida {currency}; use una de {choices}</translation>
    </message>
    <message>
        <source>Unknown country {country}; use one of {choices}</source>
        <translation>País desconocido {country}; use uno de {choices}</translation>
    </message>
    <message>
        <source>Unknown party role {role}; use one of {choices}</source>
        <translation>Calidad de parte desconocida {role}; use una de {choices}</translation>
    </message>
    <message>
        <source>Unknown payment frequency {frequency}; use one of {choices}</source>
        <translation>Frecuencia de pago desconocida {frequency}; use una de {choices}</translation>
    </message>
    <message>
        <source>The total owed ({total}) is not the sum of its parts ({expected})</source>
        <translation>El total adeudado ({total}) no es la suma de sus componentes ({expected})</translation>
    </message>
    <message>
        <source>The amount to pay ({to_pay}) is not the total owed less the discount ({expected})</source>
        <translation>El monto a pagar ({to_pay}) no es el total adeudado menos la quita ({expected})</translation>
    </message>
    <message>
        <source>The discount percentage ({pct}) does not match the discount ({expected})</source>
        <translation>El porcentaje de quita ({pct}) no corresponde a la quita ({expected})</translation>
    </message>
    <message>
        <source>Row {number} of the schedule: the payment is not principal plus interest</source>
        <translation>Fila {number} del calendario de pagos: el pago no es igual a capital más intereses</translation>
    </message>
    <message>
        <source>The schedule repays {scheduled}, but the amount to pay is {to_pay}</source>
        <translation>El calendario de pagos cubre {scheduled}, pero el monto a pagar es {to_pay}</translation>
    </message>
    <message>
        <source>The schedule does not end with a zero balance</source>
        <translation>El calendario de pagos no termina con saldo cero</translation>
    </message>
    <message>
        <source>The schedule&apos;s rows are not in order of number and date (row {number})</source>
        <translation>Las filas del calendario de pagos no están ordenadas por número y fecha (fila {number})</translation>
    </message>
    <message>
        <source>The schedule has {rows} instalments but the terms say {installments}</source>
        <translation>El calendario de pagos tiene {rows} cuotas, pero las condiciones indican {installments}</translation>
    </message>
    <message>
        <source>The schedule&apos;s down payment ({scheduled}) differs from the terms&apos; ({agreed})</source>
        <translation>El enganche del calendario de pagos ({scheduled}) difiere del de las condiciones ({agreed})</translation>
    </message>
    <message>
        <source>A settlement letter can only be issued when nothing is owed: {amount} is still owed</source>
        <translation>Solo se puede emitir una carta finiquito cuando no hay saldo pendiente: aún se adeuda {amount}</translation>
    </message>
    <message>
        <source>The offer must be valid at least until the date of issue</source>
        <translation>La oferta debe tener vigencia al menos hasta la fecha de emisión</translation>
    </message>
    <message>
        <source>The deadline must be after the date of issue</source>
        <translation>La fecha límite debe ser posterior a la fecha de emisión</translation>
    </message>
    <message>
        <source>The date the debt was paid in full cannot be after the date of issue</source>
        <translation>La fecha en que se liquidó la deuda no puede ser posterior a la fecha de emisión</translation>
    </message>
    <message>
        <source>The date of the balance cannot be after the date of issue</source>
        <translation>La fecha del saldo no puede ser posterior a la fecha de emisión</translation>
    </message>
    <message>
        <source>The template file {path} cannot be read</source>
        <translation>No se puede leer el archivo de plantilla {path}</translation>
    </message>
    <message>
        <source>Line 1 must give the template&apos;s version, for example &quot;version: 2&quot;</source>
        <translation>La línea 1 debe indicar la versión de la plantilla, por ejemplo &quot;version: 2&quot;</translation>
    </message>
    <message>
        <source>Line {line} must give the letter&apos;s title, for example &quot;title: Convenio de pago&quot;</source>
        <translation>La línea {line} debe indicar el título de la carta, por ejemplo &quot;title: Convenio de pago&quot;</translation>
    </message>
    <message>
        <source>Line {line}: unknown placeholder {name}</source>
        <translation>Línea {line}: marcador desconocido {name}</translation>
    </message>
    <message>
        <source>Line {line}: a brace that does not open or close a placeholder</source>
        <translation>Línea {line}: una llave que no abre ni cierra un marcador</translation>
    </message>
    <message>
        <source>Line {line}: unknown block {name}</source>
        <translation>Línea {line}: bloque desconocido {name}</translation>
    </message>
    <message>
        <source>Line {line}: unknown condition {name}</source>
        <translation>Línea {line}: condición desconocida {name}</translation>
    </message>
    <message>
        <source>Line {line}: a [[block]] must be alone on its line</source>
        <translation>Línea {line}: un [[block]] debe ir solo en su línea</translation>
    </message>
    <message>
        <source>Line {line}: an [[if]] cannot be inside another</source>
        <translation>Línea {line}: un [[if]] no puede estar dentro de otro</translation>
    </message>
    <message>
        <source>Line {line}: {marker} without an [[if]] before it</source>
        <translation>Línea {line}: {marker} sin un [[if]] previo</translation>
    </message>
    <message>
        <source>Line {line}: this [[if]] has no [[end]]</source>
        <translation>Línea {line}: este [[if]] no tiene [[end]]</translation>
    </message>
    <message>
        <source>Line {line}: ** opens bold text that is never closed</source>
        <translation>Línea {line}: ** abre un texto en negrita que nunca se cierra</translation>
    </message>
    <message>
        <source>Line {line} contains characters the letter cannot print: {chars}</source>
        <translation>La línea {line} contiene caracteres que la carta no puede imprimir: {chars}</translation>
    </message>
    <message>
        <source>The template must include the block {name}</source>
        <translation>La plantilla debe incluir el bloque {name}</translation>
    </message>
    <message>
        <source>This agreement of case {case} no longer exists.</source>
        <translation>Este convenio del caso {case} ya no existe.</translation>
    </message>
    <message>
        <source>List who signs the agreement</source>
        <translation>Indique quiénes firman el convenio</translation>
    </message>
    <message>
        <source>An agreement has from 1 to {maximum} signatories</source>
        <translation>Un convenio tiene de 1 a {maximum} firmantes</translation>
    </message>
    <message>
        <source>The debtor must sign the agreement</source>
        <translation>El deudor debe firmar el convenio</translation>
    </message>
    <message>
        <source>Enter a whole number of hours</source>
        <translation>Escriba un número entero de horas</translation>
    </message>
    <message>
        <source>Nobody may decide on an agreement they wrote, changed or submitted.</source>
        <translation>Nadie puede resolver un convenio que haya redactado, modificado o enviado a aprobación.</translation>
    </message>
    <message>
        <source>Your role does not approve agreements.</source>
        <translation>Su rol no aprueba convenios.</translation>
    </message>
    <message>
        <source>This agreement needs a {required} or above; you approve as {level}.</source>
        <translation>Este convenio requiere un {required} o superior; usted aprueba como {level}.</translation>
    </message>
    <message>
        <source>The case has no approved agreement</source>
        <translation>El caso no tiene un convenio aprobado</translation>
    </message>
    <message>
        <source>Choose a settlement scenario or draft an agreement before writing a proposal</source>
        <translation>Elija un escenario de arreglo o redacte un borrador de convenio antes de escribir una propuesta</translation>
    </message>
    <message>
        <source>The terms to propose can no longer be offered (a date has passed): update them</source>
        <translation>Las condiciones a proponer ya no se pueden ofrecer (ya pasó una fecha): actualícelas</translation>
    </message>
    <message>
        <source>There is nothing to remind: no pending promise and no instalment falls due</source>
        <translation>No hay nada que recordar: no hay promesas pendientes ni cuotas por vencer</translation>
    </message>
    <message>
        <source>Case {case} still has a balance of {amount}</source>
        <translation>El caso {case} aún tiene un saldo de {amount}</translation>
    </message>
    <message>
        <source>A template may have at most {limit} characters</source>
        <translation>Una plantilla puede tener como máximo {limit} caracteres</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image</source>
        <translation>El logotipo debe ser una imagen PNG o JPEG</translation>
    </message>
    <message>
        <source>The logo is too large: at most {maximum} pixels a side</source>
        <translation>El logotipo es demasiado grande: como máximo {maximum} píxeles por lado</translation>
    </message>
    <message>
        <source>The logo must be at most {maximum} KB (this one: {size} KB)</source>
        <translation>El logotipo debe pesar como máximo {maximum} KB (este pesa {size} KB)</translation>
    </message>
    <message>
        <source>Enter an email address like {example}</source>
        <translation>Escriba un correo electrónico como {example}</translation>
    </message>
    <message>
        <source>Unknown currency: {currency}</source>
        <translation>Moneda desconocida: {currency}</translation>
    </message>
    <message>
        <source>Give both the bank and the account, or neither</source>
        <translation>Indique el banco y la cuenta, o ninguno de los dos</translation>
    </message>
    <message>
        <source>Legal may generate only the expediente of a case.</source>
        <translation>Jurídico solo puede generar el expediente de un caso.</translation>
    </message>
    <message>
        <source>The PDF received does not match its SHA-256</source>
        <translation>El PDF recibido no coincide con su SHA-256</translation>
    </message>
    <message>
        <source>The letter&apos;s data cannot be read</source>
        <translation>No se pueden leer los datos de la carta</translation>
    </message>
    <message>
        <source>Document {number} of case {case} exists already.</source>
        <translation>El documento {number} del caso {case} ya existe.</translation>
    </message>
    <message>
        <source>Write at least one section of the strategy</source>
        <translation>Escriba al menos una sección de la estrategia</translation>
    </message>
    <message>
        <source>Nothing changed since version {version}</source>
        <translation>No hay cambios desde la versión {version}</translation>
    </message>
    <message>
        <source>Someone else saved version {version} of the strategy of case {case} meanwhile.</source>
        <translation>Mientras tanto, otra persona guardó la versión {version} de la estrategia del caso {case}.</translation>
    </message>
    <message>
        <source>Version {version} of the strategy of case {case} does not exist.</source>
        <translation>La versión {version} de la estrategia del caso {case} no existe.</translation>
    </message>
    <message>
        <source>This section does not belong to the strategy: {section}</source>
        <translation>Esta sección no forma parte de la estrategia: {section}</translation>
    </message>
    <message>
        <source>Say why, for the executive to act on it</source>
        <translation>Indique el motivo, para que el ejecutivo pueda actuar en consecuencia</translation>
    </message>
</context>
<context>
    <name>finance_template</name>
    <message>
        <source>Financial statements</source>
        <translation>Estados financieros</translation>
    </message>
    <message>
        <source>One column per period: its label, the closing date and its length in months (12 for a full year).</source>
        <translation>Una columna por período: su etiqueta, la fecha de cierre y su duración en meses (12 para un año completo).</translation>
    </message>
    <message>
        <source>Amounts in the currency of the statements, without symbols. Leave blank what you do not know: a blank is not read as zero.</source>
        <translation>Montos en la moneda de los estados financieros, sin símbolos. Deje en blanco lo que no sepa: una celda en blanco no se lee como cero.</translation>
    </message>
    <message>
        <source>Negative numbers are allowed (a loss, negative equity). Enter expenses, interest, taxes and capital expenditure as positive amounts.</source>
        <translation>Se permiten números negativos (una pérdida, patrimonio negativo). Escriba los gastos, intereses, impuestos e inversión de capital como montos positivos.</translation>
    </message>
    <message>
        <source>Do not delete rows nor edit the hidden column B: it identifies each row.</source>
        <translation>No elimine filas ni modifique la columna oculta B: identifica cada fila.</translation>
    </message>
    <message>
        <source>One column per month: its label and the date the figures refer to. Income, expenses and debt payments are monthly; assets and liabilities are balances.</source>
        <translation>Una columna por mes: su etiqueta y la fecha a la que se refieren las cifras. Los ingresos, gastos y pagos de deudas son mensuales; los activos y pasivos son saldos.</translation>
    </message>
    <message>
        <source>Amounts in the currency of the debtor&apos;s finances, without symbols. Leave blank what you do not know: a blank is not read as zero.</source>
        <translation>Montos en la moneda de las finanzas del deudor, sin símbolos. Deje en blanco lo que no sepa: una celda en blanco no se lee como cero.</translation>
    </message>
    <message>
        <source>Negative numbers are allowed (a business at a loss). Enter expenses and debt payments as positive amounts.</source>
        <translation>Se permiten números negativos (un negocio con pérdidas). Escriba los gastos y los pagos de deudas como montos positivos.</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Concepto</translation>
    </message>
    <message>
        <source>Period {number}</source>
        <translation>Período {number}</translation>
    </message>
    <message>
        <source>Period label</source>
        <translation>Etiqueta del período</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Cierre del período</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
    <message>
        <source>Enter an amount such as 1250.50 (negative for a loss).</source>
        <translation>Escriba un monto como 1250.50 (negativo si es una pérdida).</translation>
    </message>
    <message>
        <source>Enter the closing date of the period: from 1990 to a year from today.</source>
        <translation>Escriba la fecha de cierre del período: desde 1990 hasta dentro de un año.</translation>
    </message>
    <message>
        <source>Enter the length of the period: a whole number of months, 1 to 24.</source>
        <translation>Escriba la duración del período: un número entero de meses, de 1 a 24.</translation>
    </message>
    <message>
        <source>A label of at most 60 characters, such as 2024 or Q1 2025.</source>
        <translation>Una etiqueta de 60 caracteres como máximo, como 2024 o T1 2025.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Executive</source>
        <translation>Ejecutivo</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Jurídico</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Negotiating</source>
        <translation>En negociación</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Convenio</translation>
    </message>
    <message>
        <source>In legal</source>
        <translation>En jurídico</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30 días</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 días</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 días</translation>
    </message>
    <message>
        <source>91–180 days</source>
        <translation>91–180 días</translation>
    </message>
    <message>
        <source>Over 180 days</source>
        <translation>Más de 180 días</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Cumplida</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Parcial</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Incumplida</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No contesta</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Número equivocado</translation>
    </message>
    <message>
        <source>Promise to pay</source>
        <translation>Promesa de pago</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>Negativa de pago</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Disputa</translation>
    </message>
    <message>
        <source>Message left</source>
        <translation>Mensaje dejado</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Volver a llamar</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Depósito</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
</context>
<context>
    <name>priority</name>
    <message>
        <source>Exposure</source>
        <translation>Exposición</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>Días de atraso</translation>
    </message>
    <message>
        <source>Broken promises</source>
        <translation>Promesas incumplidas</translation>
    </message>
    <message>
        <source>Days since last contact</source>
        <translation>Días desde el último contacto</translation>
    </message>
</context>
<context>
    <name>ratios</name>
    <message>
        <source>No free cash flow</source>
        <translation>Sin flujo de caja libre</translation>
    </message>
    <message>
        <source>No disposable income</source>
        <translation>Sin ingreso disponible</translation>
    </message>
    <message>
        <source>No financial statements entered</source>
        <translation>No se han ingresado estados financieros</translation>
    </message>
    <message>
        <source>Missing: {fields}</source>
        <translation>Falta: {fields}</translation>
    </message>
    <message>
        <source>No liquid assets or collateral</source>
        <translation>Sin activos líquidos ni garantías</translation>
    </message>
    <message>
        <source>Working capital</source>
        <translation>Capital de trabajo</translation>
    </message>
    <message>
        <source>Current assets − current liabilities</source>
        <translation>Activo corriente − pasivo corriente</translation>
    </message>
    <message>
        <source>The cushion left after paying every short-term obligation from short-term assets. Negative: the debtor needs new money or must sell long-term assets to pay what falls due within the year.</source>
        <translation>El colchón que queda tras pagar todas las obligaciones de corto plazo con los activos de corto plazo. Negativo: el deudor necesita dinero nuevo o vender activos de largo plazo para pagar lo que vence en el año.</translation>
    </message>
    <message>
        <source>Current ratio</source>
        <translation>Razón corriente</translation>
    </message>
    <message>
        <source>Current assets ÷ current liabilities</source>
        <translation>Activo corriente ÷ pasivo corriente</translation>
    </message>
    <message>
        <source>How many times short-term assets cover short-term debts. Below 1 they cannot cover them.</source>
        <translation>Cuántas veces los activos de corto plazo cubren las deudas de corto plazo. Por debajo de 1 no alcanzan.</translation>
    </message>
    <message>
        <source>Quick ratio</source>
        <translation>Prueba ácida</translation>
    </message>
    <message>
        <source>(Cash + receivables) ÷ current liabilities</source>
        <translation>(Efectivo + cuentas por cobrar) ÷ pasivo corriente</translation>
    </message>
    <message>
        <source>Like the current ratio, but without inventory and other current assets, which may be slow to turn into cash.</source>
        <translation>Como la razón corriente, pero sin inventario ni otros activos corrientes, que pueden tardar en convertirse en efectivo.</translation>
    </message>
    <message>
        <source>Cash ratio</source>
        <translation>Razón de efectivo</translation>
    </message>
    <message>
        <source>Cash ÷ current liabilities</source>
        <translation>Efectivo ÷ pasivo corriente</translation>
    </message>
    <message>
        <source>The strictest liquidity view: the share of short-term debts that the cash on hand could pay today.</source>
        <translation>La visión de liquidez más estricta: la parte de las deudas de corto plazo que el efectivo disponible podría pagar hoy.</translation>
    </message>
    <message>
        <source>Debt to equity</source>
        <translation>Deuda / patrimonio</translation>
    </message>
    <message>
        <source>(Short-term debt + long-term debt) ÷ equity</source>
        <translation>(Deuda de corto plazo + deuda de largo plazo) ÷ patrimonio</translation>
    </message>
    <message>
        <source>Leverage: financial debt for each unit of the owners&apos; money. Undefined when equity is zero or negative, which means technical insolvency.</source>
        <translation>Apalancamiento: deuda financiera por cada unidad de dinero de los dueños. No definido cuando el patrimonio es cero o negativo, lo que significa insolvencia técnica.</translation>
    </message>
    <message>
        <source>Debt to EBITDA</source>
        <translation>Deuda / EBITDA</translation>
    </message>
    <message>
        <source>(Short-term debt + long-term debt) ÷ annualised EBITDA (EBITDA × 12 ÷ months in the period)</source>
        <translation>(Deuda de corto plazo + deuda de largo plazo) ÷ EBITDA anualizado (EBITDA × 12 ÷ meses del período)</translation>
    </message>
    <message>
        <source>Years of operating cash flow needed to repay the financial debt. Above 4 to 5 the debt is heavy.</source>
        <translation>Años de flujo operativo necesarios para pagar la deuda financiera. Por encima de 4 a 5 la deuda es pesada.</translation>
    </message>
    <message>
        <source>Interest coverage</source>
        <translation>Cobertura de intereses</translation>
    </message>
    <message>
        <source>EBIT ÷ interest expense, EBIT = EBITDA − depreciation</source>
        <translation>EBIT ÷ gasto por intereses, EBIT = EBITDA − depreciación</translation>
    </message>
    <message>
        <source>How many times operating profit covers the interest. Below 1.5 the interest is barely covered.</source>
        <translation>Cuántas veces la utilidad operativa cubre los intereses. Por debajo de 1.5 apenas se cubren.</translation>
    </message>
    <message>
        <source>Debt service coverage (DSCR)</source>
        <translation>Cobertura del servicio de deuda (DSCR)</translation>
    </message>
    <message>
        <source>(EBITDA − taxes − capex) ÷ (interest + scheduled principal)</source>
        <translation>(EBITDA − impuestos − inversión de capital) ÷ (intereses + capital programado)</translation>
    </message>
    <message>
        <source>Whether the operating cash flow of the period can pay the interest and principal due in it. Below 1 it cannot.</source>
        <translation>Si el flujo operativo del período alcanza para pagar los intereses y el capital que vencen en él. Por debajo de 1 no alcanza.</translation>
    </message>
    <message>
        <source>Days sales outstanding (DSO)</source>
        <translation>Días de cobro (DSO)</translation>
    </message>
    <message>
        <source>Receivables ÷ revenue × days in the period (months × 365 ÷ 12)</source>
        <translation>Cuentas por cobrar ÷ ventas × días del período (meses × 365 ÷ 12)</translation>
    </message>
    <message>
        <source>How many days the debtor&apos;s customers take to pay. Long delays tie up cash that could pay creditors.</source>
        <translation>Cuántos días tardan en pagar los clientes del deudor. Los atrasos largos inmovilizan efectivo que podría pagar a los acreedores.</translation>
    </message>
    <message>
        <source>Free cash flow</source>
        <translation>Flujo de caja libre</translation>
    </message>
    <message>
        <source>EBITDA − taxes − capex − change in working capital since the previous period</source>
        <translation>EBITDA − impuestos − inversión de capital − variación del capital de trabajo desde el período anterior</translation>
    </message>
    <message>
        <source>The cash the business generated in the period that could go to creditors.</source>
        <translation>El efectivo que el negocio generó en el período y que podría ir a los acreedores.</translation>
    </message>
    <message>
        <source>Disposable income</source>
        <translation>Ingreso disponible</translation>
    </message>
    <message>
        <source>Net monthly income − fixed expenses − other debt service</source>
        <translation>Ingreso neto mensual − gastos fijos − otras deudas</translation>
    </message>
    <message>
        <source>What is left each month after living costs and other debts: the source of any payment plan.</source>
        <translation>Lo que queda cada mes después de los gastos de vida y otras deudas: la fuente de cualquier plan de pagos.</translation>
    </message>
    <message>
        <source>Debt to income</source>
        <translation>Deuda / ingreso</translation>
    </message>
    <message>
        <source>(Other debt service + proposed payment) ÷ net monthly income</source>
        <translation>(Otras deudas + pago propuesto) ÷ ingreso neto mensual</translation>
    </message>
    <message>
        <source>Share of income that goes to debt payments, the proposed plan included. Above 50 % a plan is hard to keep.</source>
        <translation>Parte del ingreso que va a pagos de deudas, incluido el plan propuesto. Por encima del 50 % un plan es difícil de cumplir.</translation>
    </message>
    <message>
        <source>Net worth</source>
        <translation>Patrimonio neto</translation>
    </message>
    <message>
        <source>(Real estate + vehicles + investments + cash) − liabilities</source>
        <translation>(Inmuebles + vehículos + inversiones + efectivo) − pasivos</translation>
    </message>
    <message>
        <source>What would be left if every asset were sold at the entered value and every debt paid. Negative: the debtor owes more than they own.</source>
        <translation>Lo que quedaría si se vendiera cada bien al valor ingresado y se pagara cada deuda. Negativo: el deudor debe más de lo que tiene.</translation>
    </message>
    <message>
        <source>Liquid assets</source>
        <translation>Activos líquidos</translation>
    </message>
    <message>
        <source>Cash + investments</source>
        <translation>Efectivo + inversiones</translation>
    </message>
    <message>
        <source>Money available within 30 days. Assumes the entered investments can be sold within 30 days: leave out those that cannot.</source>
        <translation>Dinero disponible en 30 días. Supone que las inversiones ingresadas se pueden vender en 30 días: deje fuera las que no.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>Cuentas por cobrar</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <source>Other current assets</source>
        <translation>Otros activos corrientes</translation>
    </message>
    <message>
        <source>Fixed assets</source>
        <translation>Activo fijo</translation>
    </message>
    <message>
        <source>Current liabilities</source>
        <translation>Pasivo corriente</translation>
    </message>
    <message>
        <source>Short-term debt</source>
        <translation>Deuda de corto plazo</translation>
    </message>
    <message>
        <source>Long-term debt</source>
        <translation>Deuda de largo plazo</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>Patrimonio</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Cost of sales</source>
        <translation>Costo de ventas</translation>
    </message>
    <message>
        <source>Operating expenses</source>
        <translation>Gastos de operación</translation>
    </message>
    <message>
        <source>EBITDA</source>
        <translation>EBITDA</translation>
    </message>
    <message>
        <source>Depreciation and amortisation</source>
        <translation>Depreciación y amortización</translation>
    </message>
    <message>
        <source>Interest expense</source>
        <translation>Gasto por intereses</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>Utilidad neta</translation>
    </message>
    <message>
        <source>Capital expenditure</source>
        <translation>Inversión de capital</translation>
    </message>
    <message>
        <source>Scheduled principal</source>
        <translation>Capital programado</translation>
    </message>
    <message>
        <source>Net monthly income</source>
        <translation>Ingreso neto mensual</translation>
    </message>
    <message>
        <source>Fixed expenses</source>
        <translation>Gastos fijos</translation>
    </message>
    <message>
        <source>Other debt service</source>
        <translation>Otras deudas (pago mensual)</translation>
    </message>
    <message>
        <source>Real estate</source>
        <translation>Inmuebles</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Vehículos</translation>
    </message>
    <message>
        <source>Investments</source>
        <translation>Inversiones</translation>
    </message>
    <message>
        <source>Liabilities</source>
        <translation>Pasivos</translation>
    </message>
    <message>
        <source>Balance sheet</source>
        <translation>Balance general</translation>
    </message>
    <message>
        <source>Income statement</source>
        <translation>Estado de resultados</translation>
    </message>
    <message>
        <source>Cash flow</source>
        <translation>Flujo de efectivo</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Gastos</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Activos</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>Salario</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Negocio</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Rentas</translation>
    </message>
    <message>
        <source>Pension</source>
        <translation>Pensión</translation>
    </message>
    <message>
        <source>Other income</source>
        <translation>Otros ingresos</translation>
    </message>
    <message>
        <source>Missing in the previous period: {fields}</source>
        <translation>Falta en el período anterior: {fields}</translation>
    </message>
    <message>
        <source>No previous period: the change in working capital is unknown</source>
        <translation>Sin período anterior: se desconoce la variación del capital de trabajo</translation>
    </message>
    <message>
        <source>The previous period ({previous}) must end before this one ({current})</source>
        <translation>El período anterior ({previous}) debe terminar antes que este ({current})</translation>
    </message>
    <message>
        <source>Current liabilities are zero or negative</source>
        <translation>El pasivo corriente es cero o negativo</translation>
    </message>
    <message>
        <source>Equity is zero or negative: technical insolvency</source>
        <translation>El patrimonio es cero o negativo: insolvencia técnica</translation>
    </message>
    <message>
        <source>EBITDA is zero or negative: the debt cannot be repaid from operations</source>
        <translation>El EBITDA es cero o negativo: la deuda no se puede pagar con la operación</translation>
    </message>
    <message>
        <source>Interest expense is zero or negative</source>
        <translation>El gasto por intereses es cero o negativo</translation>
    </message>
    <message>
        <source>Interest and scheduled principal are zero or negative</source>
        <translation>Los intereses y el capital programado son cero o negativos</translation>
    </message>
    <message>
        <source>Revenue is zero or negative</source>
        <translation>Las ventas son cero o negativas</translation>
    </message>
    <message>
        <source>Net income is zero or negative</source>
        <translation>El ingreso neto es cero o negativo</translation>
    </message>
</context>
<context>
    <name>strategy</name>
    <message>
        <source>Situation summary</source>
        <translation>Resumen de la situación</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Our alternative (legal route)</source>
        <translation>Nuestra alternativa (vía judicial)</translation>
    </message>
    <message>
        <source>Debtor&apos;s likely position and constraints</source>
        <translation>Posición probable y limitaciones del deudor</translation>
    </message>
    <message>
        <source>Concessions plan</source>
        <translation>Plan de concesiones</translation>
    </message>
    <message>
        <source>Walk-away point</source>
        <translation>Punto de retiro</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>Argumentos clave</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Riesgos</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <source>The local cache could not be opened with this passphrase or key.</source>
        <translation>No se pudo abrir la caché local con esta frase de contraseña o clave.</translation>
    </message>
    <message>
        <source>You may forget the cache and rebuild it from the central database; changes not yet synchronized would be lost.</source>
        <translation>Puede olvidar la caché y reconstruirla desde la base de datos central; se perderían los cambios aún no sincronizados.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Forget the cache and rebuild it</source>
        <translation>Olvidar la caché y reconstruirla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
</TS>
