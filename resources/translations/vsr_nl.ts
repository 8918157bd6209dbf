<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="38"/>
        <source>What will we do?</source>
        <translation>Wat gaan we doen?</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="40"/>
        <source>Action {n}: what</source>
        <translation>Actie {n}: wat</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="54"/>
        <source>Action {n}: who</source>
        <translation>Actie {n}: wie</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="55"/>
        <source>Together</source>
        <translation>Samen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="62"/>
        <source>Action {n}: by when</source>
        <translation>Actie {n}: wanneer klaar</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="65"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="69"/>
        <source>Action {n}: done</source>
        <translation>Actie {n}: klaar</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="73"/>
        <source>Remove this action</source>
        <translation>Deze actie weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="74"/>
        <source>Remove action {n}</source>
        <translation>Actie {n} weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="91"/>
        <source>Who:</source>
        <translation>Wie:</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="76"/>
        <source>&amp;Open recording…</source>
        <translation>Opname &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="77"/>
        <source>&amp;Locate recording…</source>
        <translation>Opname &amp;zoeken…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="78"/>
        <source>&amp;New review of this recording</source>
        <translation>&amp;Nieuw terugkijkgesprek van deze opname</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="79"/>
        <source>&amp;Export learning summary…</source>
        <translation>Leerverslag &amp;opslaan als bestand…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="80"/>
        <source>Import ELAN file…</source>
        <translation>ELAN-bestand importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="81"/>
        <source>ELAN file (.eaf)…</source>
        <translation>ELAN-bestand (.eaf)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="82"/>
        <source>WebVTT subtitles (.vtt)…</source>
        <translation>Ondertitels voor een videospeler (.vtt)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="83"/>
        <source>SRT subtitles (.srt)…</source>
        <translation>Ondertitels voor een videospeler (.srt)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="84"/>
        <source>Spreadsheet (.csv)…</source>
        <translation>Spreadsheet (.csv)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="85"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="86"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="87"/>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="88"/>
        <source>&amp;Delete moment</source>
        <translation>Moment &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="89"/>
        <source>Change the moment&apos;s &amp;time…</source>
        <translation>&amp;Tijd van het moment wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="90"/>
        <source>&amp;Names of the participants…</source>
        <translation>&amp;Namen van de deelnemers…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="91"/>
        <source>&amp;Add participant (e.g. interpreter)…</source>
        <translation>Deelnemer &amp;toevoegen (bijv. tolk)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="92"/>
        <source>Play / pause</source>
        <translation>Afspelen / pauzeren</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="93"/>
        <source>Back 5 seconds</source>
        <translation>5 seconden terug</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="94"/>
        <source>Forward 5 seconds</source>
        <translation>5 seconden vooruit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="95"/>
        <source>Previous frame</source>
        <translation>Vorig beeldje</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="96"/>
        <source>Next frame</source>
        <translation>Volgend beeldje</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="97"/>
        <source>Slower</source>
        <translation>Langzamer</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="98"/>
        <source>Faster</source>
        <translation>Sneller</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="99"/>
        <source>Repeat the selected moment</source>
        <translation>Gekozen moment herhalen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="100"/>
        <source>Pause when marking</source>
        <translation>Pauzeren bij markeren</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="101"/>
        <source>Previous moment</source>
        <translation>Vorig moment</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="102"/>
        <source>Next moment</source>
        <translation>Volgend moment</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="103"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="104"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="105"/>
        <source>Whole recording</source>
        <translation>Hele opname</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="108"/>
        <source>&amp;About vsr</source>
        <translation>&amp;Over vsr</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="109"/>
        <source>&amp;Consent…</source>
        <translation>&amp;Toestemming…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="110"/>
        <source>Clip &amp;collections…</source>
        <translation>&amp;Verzamelingen van fragmenten…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="111"/>
        <source>Audit &amp;log…</source>
        <translation>&amp;Logboek…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="112"/>
        <source>Delete &amp;expired material…</source>
        <translation>V&amp;erlopen materiaal verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="113"/>
        <source>Pause while typing</source>
        <translation>Pauzeren tijdens het typen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="114"/>
        <source>Rewind (again: faster)</source>
        <translation>Terugspoelen (nog eens: sneller)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="115"/>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="116"/>
        <source>Play (again: faster)</source>
        <translation>Afspelen (nog eens: sneller)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="117"/>
        <source>Go to the start</source>
        <translation>Naar het begin</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="118"/>
        <source>Go to the end</source>
        <translation>Naar het einde</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="119"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="120"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Reservekopieën…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="121"/>
        <source>&amp;Search all reviews…</source>
        <translation>&amp;Zoeken in alle gesprekken…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="122"/>
        <source>&amp;Share review (package)…</source>
        <translation>Terugkijkgesprek &amp;delen (pakket)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="123"/>
        <source>Open &amp;package…</source>
        <translation>&amp;Pakket openen…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="124"/>
        <source>&amp;Write down what was said</source>
        <translation>&amp;Uitschrijven wat er gezegd is</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="125"/>
        <source>Who is who in what was said…</source>
        <translation>Wie is wie in wat er gezegd is…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="127"/>
        <source>Next tab (Moments / Samenleergesprek)</source>
        <translation>Volgend tabblad (Momenten / Samenleergesprek)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="129"/>
        <source>Previous tab</source>
        <translation>Vorig tabblad</translation>
    </message>
</context>
<context>
    <name>ActionsEditor</name>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="106"/>
        <source>No actions yet.</source>
        <translation>Nog geen acties.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/actions_editor.py" line="109"/>
        <source>+ Add an action</source>
        <translation>+ Actie toevoegen</translation>
    </message>
</context>
<context>
    <name>Anonymise</name>
    <message>
        <location filename="../../ui/anonymise_choice.py" line="18"/>
        <source>Replace names and other personal details</source>
        <translation>Namen en andere gegevens waaraan je iemand herkent vervangen</translation>
    </message>
    <message>
        <location filename="../../ui/anonymise_choice.py" line="20"/>
        <source>Names become roles (Client, Professional) or [name]; e-mail addresses, phone numbers, BSN, addresses and dates of birth are replaced too, also in the file name.</source>
        <translation>Namen worden rollen (Cliënt, Professional) of [naam]. Ook e-mailadressen, telefoonnummers, BSN, adressen en geboortedata worden vervangen, ook in de bestandsnaam.</translation>
    </message>
</context>
<context>
    <name>ArrivingStrip</name>
    <message>
        <location filename="../../ui/team/playback.py" line="82"/>
        <source>Recording put on this computer</source>
        <translation>Opname wordt op deze computer gezet</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="42"/>
        <location filename="../../ui/privacy/audit_dialog.py" line="57"/>
        <source>Audit log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="45"/>
        <source>Who did what, on which computer, with whose recording, and when: every export, deletion and consent change, and every time a review was opened or a recording played. Newest first. This log cannot be changed.</source>
        <translation>Wie deed wat, op welke computer, met wiens opname, en wanneer: elk opgeslagen bestand, elke verwijdering en wijziging van toestemming, en elke keer dat een terugkijkgesprek is geopend of een opname is afgespeeld. Nieuwste eerst. Dit logboek kan niet worden veranderd.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="59"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="59"/>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="59"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="59"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="60"/>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="60"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/audit_dialog.py" line="60"/>
        <source>Recording</source>
        <translation>Opname</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup_dialog.py" line="72"/>
        <location filename="../../ui/backup_dialog.py" line="77"/>
        <source>Backups</source>
        <translation>Reservekopieën</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="74"/>
        <source>vsr makes a backup of your library every day (the last 7 are kept) and every week (the last 4), and before every update. Putting one back replaces everything since; a backup of the library as it is now is made first.</source>
        <translation>vsr maakt elke dag een reservekopie van je gegevensbestand (de laatste 7 blijven bewaard) en elke week (de laatste 4), en voor elke update. Als je naar een reservekopie teruggaat, vervangt die alles van daarna. Eerst wordt een reservekopie gemaakt van het gegevensbestand zoals het nu is.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="78"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="78"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="78"/>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="90"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="92"/>
        <source>Make a backup now</source>
        <translation>Nu een reservekopie maken</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="94"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="97"/>
        <source>Restore…</source>
        <translation>Teruggaan naar deze…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="99"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="136"/>
        <source>{kind} (damaged)</source>
        <translation>{kind} (beschadigd)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="143"/>
        <source>There are no backups yet.</source>
        <translation>Er zijn nog geen reservekopieën.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="162"/>
        <source>Making a backup…</source>
        <translation>Reservekopie maken…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="178"/>
        <source>Backup made: {date}</source>
        <translation>Reservekopie gemaakt: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="189"/>
        <source>Backup cancelled. No file was made.</source>
        <translation>Reservekopie geannuleerd. Er is geen bestand gemaakt.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="211"/>
        <source>Restore backup</source>
        <translation>Teruggaan naar een reservekopie</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="212"/>
        <source>Put back the backup of {date}? Everything changed since then is replaced. A backup of the library as it is now is made first, so you can go back.</source>
        <translation>Teruggaan naar de reservekopie van {date}? Alles wat daarna is veranderd, wordt vervangen. Eerst wordt een reservekopie gemaakt van het gegevensbestand zoals het nu is. Zo kun je altijd terug.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../ui/backup_dialog.py" line="41"/>
        <source>Daily</source>
        <translation>Dagelijks</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="42"/>
        <source>Weekly</source>
        <translation>Wekelijks</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="43"/>
        <source>Made by you</source>
        <translation>Door jou gemaakt</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="44"/>
        <source>Before a restore</source>
        <translation>Gemaakt voor het teruggaan</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="45"/>
        <source>Before an update</source>
        <translation>Voor een update</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="231"/>
        <source>The library is damaged</source>
        <translation>Het gegevensbestand is beschadigd</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="232"/>
        <source>The library {path} is damaged ({problem}).</source>
        <translation>Het gegevensbestand {path} is beschadigd ({problem}).</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="235"/>
        <source>The newest good backup is of {date}. Put it back? A copy of the damaged library is kept.</source>
        <translation>De nieuwste goede reservekopie is van {date}. Wil je daarnaar teruggaan? Een kopie van het beschadigde gegevensbestand blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="237"/>
        <source>There is no good backup.</source>
        <translation>Er is geen goede reservekopie.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="239"/>
        <source>You can also only look: then nothing can be saved.</source>
        <translation>Je kunt ook alleen kijken: dan wordt er niets bewaard.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="126"/>
        <source>Putting the backup back…</source>
        <translation>De reservekopie wordt teruggezet…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="127"/>
        <location filename="../../ui/backup_dialog.py" line="243"/>
        <source>Restore backup</source>
        <translation>Teruggaan naar een reservekopie</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="166"/>
        <source>The backup is back. The window is being opened again; you can change things again in a moment.</source>
        <translation>De reservekopie is teruggezet. Het venster gaat weer open; zo meteen kun je weer iets wijzigen.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="186"/>
        <source>The backup was put back.</source>
        <translation>De reservekopie is teruggezet.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="244"/>
        <source>Only look</source>
        <translation>Alleen bekijken</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="244"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
</context>
<context>
    <name>ClosingPage</name>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="29"/>
        <source>Step 3 – {title}</source>
        <translation>Stap 3 – {title}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="32"/>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="34"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="33"/>
        <source>What did we talk about? Type here…</source>
        <translation>Waar hebben we over gepraat? Typ hier…</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="39"/>
        <source>What did we learn?</source>
        <translation>Wat hebben we geleerd?</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="48"/>
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="53"/>
        <source>How do we each see it?</source>
        <translation>Hoe ervaren we het?</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="62"/>
        <source>Who spoke how much</source>
        <translation>Wie sprak hoeveel</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="63"/>
        <source>From what was said in the recording. To talk about, not a score.</source>
        <translation>Uit wat er gezegd is in de opname. Om over te praten, geen score.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="68"/>
        <source>Who is who…</source>
        <translation>Wie is wie…</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="88"/>
        <source>What did you learn? Type here…</source>
        <translation>Wat heb jij geleerd? Typ hier…</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/closing_page.py" line="89"/>
        <source>{name}: what did I learn?</source>
        <translation>{name}: wat heb ik geleerd?</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="92"/>
        <source>Clip collections</source>
        <translation>Verzamelingen van fragmenten</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="111"/>
        <location filename="../../ui/clips/collection_dialog.py" line="113"/>
        <source>Collections</source>
        <translation>Verzamelingen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="115"/>
        <source>Rename…</source>
        <translation>Naam wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="116"/>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="122"/>
        <source>Keep until</source>
        <translation>Bewaren tot</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="129"/>
        <source>Name of the new collection</source>
        <translation>Naam van de nieuwe verzameling</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="134"/>
        <location filename="../../ui/clips/collection_dialog.py" line="136"/>
        <source>New collection</source>
        <translation>Nieuwe verzameling</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="150"/>
        <location filename="../../ui/clips/collection_dialog.py" line="152"/>
        <source>Clips</source>
        <translation>Fragmenten</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="154"/>
        <source>Add selected moment</source>
        <translation>Gekozen moment toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="156"/>
        <source>Adds the moment selected in the review. A range is taken as it is; a point gets the time before and after it set here. Draw a range on the timeline with Shift-drag.</source>
        <translation>Voegt het moment toe dat je bij het terugkijken hebt gekozen. Een stuk wordt genomen zoals het is; een punt krijgt de tijd ervoor en erna die hier staat. Een stuk teken je op de tijdlijn met Shift en slepen.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="163"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="164"/>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="165"/>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="166"/>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="167"/>
        <source>Export…</source>
        <translation>Opslaan als bestand…</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="168"/>
        <source>Share with team…</source>
        <translation>Delen met team…</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="169"/>
        <source>Share this collection with a team in the team library, for its purpose</source>
        <translation>Deel deze verzameling met een team in de teamopslag, voor haar doel</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="179"/>
        <source>around a point:</source>
        <translation>rond een punt:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="181"/>
        <source>before,</source>
        <translation>ervoor,</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="183"/>
        <source>after</source>
        <translation>erna</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="199"/>
        <source>Start at playhead</source>
        <translation>Begin waar de opname nu is</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="200"/>
        <source>End at playhead</source>
        <translation>Einde waar de opname nu is</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="201"/>
        <source>Play clip</source>
        <translation>Fragment afspelen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="216"/>
        <source>One question or task per line</source>
        <translation>Eén vraag of opdracht per regel</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="220"/>
        <source>Include the participants&apos; own gespreksblad (A, B, C)</source>
        <translation>Het eigen gespreksblad van de deelnemers meenemen (A, B, C)</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="225"/>
        <source>Selected clip</source>
        <translation>Gekozen fragment</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="494"/>
        <source>Clip trimmed.</source>
        <translation>Fragment ingekort.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="227"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="228"/>
        <source>From – to:</source>
        <translation>Van – tot:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="230"/>
        <source>Questions:</source>
        <translation>Vragen:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="284"/>
        <source>Kept until you delete it.</source>
        <translation>Bewaard tot je de verzameling verwijdert.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="287"/>
        <source>Deleted after {day}, with its clips and the files exported from it (the app asks first).</source>
        <translation>Na {day} verwijderd, met de fragmenten en de bestanden die ervan zijn opgeslagen (de app vraagt het eerst).</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="300"/>
        <source>(no title)</source>
        <translation>(geen titel)</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="301"/>
        <source>{n}. {title} — {recording}, {start}–{end}</source>
        <translation>{n}. {title} — {recording}, {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="339"/>
        <source>({seconds} s)</source>
        <translation>({seconds} s)</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="346"/>
        <source>Only for a clip from a moment whose participants agreed to share their gespreksblad (Consent window of that review).</source>
        <translation>Alleen voor een fragment van een moment waarvan de deelnemers hebben afgesproken dat hun gespreksblad gedeeld mag worden (venster Toestemming van dat terugkijkgesprek).</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="352"/>
        <source>Open a review of this recording in the main window to use the player.</source>
        <translation>Open een terugkijkgesprek van deze opname in het hoofdvenster om de speler te gebruiken.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="400"/>
        <source>Rename collection</source>
        <translation>Naam van de verzameling wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="400"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="413"/>
        <source>Delete collection</source>
        <translation>Verzameling verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="414"/>
        <source>Delete the collection “{name}” with its {n} clip(s)? The recordings stay; files already exported stay where they are.</source>
        <translation>De verzameling “{name}” met {n} fragment(en) verwijderen? De opnames blijven; bestanden die al zijn opgeslagen, blijven waar ze staan.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="444"/>
        <source>Select a moment in the review first.</source>
        <translation>Kies eerst een moment in het terugkijken.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="450"/>
        <source>Clip added.</source>
        <translation>Fragment toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/collection_dialog.py" line="453"/>
        <source>The clip was not added.</source>
        <translation>Het fragment is niet toegevoegd.</translation>
    </message>
</context>
<context>
    <name>CollectionShareDialog</name>
    <message>
        <location filename="../../ui/team/collection_share_dialog.py" line="41"/>
        <source>Share collection with team</source>
        <translation>Verzameling delen met team</translation>
    </message>
    <message>
        <location filename="../../ui/team/collection_share_dialog.py" line="47"/>
        <source>Purpose:</source>
        <translation>Doel:</translation>
    </message>
    <message>
        <location filename="../../ui/team/collection_share_dialog.py" line="49"/>
        <source>This leaves the computer: {n} clip(s) with their titles and questions, the names this library knows replaced; each recording of your own once, encrypted with a new key (a recording received from the team is not sent again). Never what it did to each party (B). Every clip needs the client&apos;s consent for {purpose}.</source>
        <translation>Dit gaat van de computer: {n} fragment(en) met hun titels en vragen, met de namen die dit gegevensbestand kent vervangen; elke eigen opname één keer, versleuteld met een nieuwe sleutel (een opname die je van het team kreeg gaat niet opnieuw). Nooit wat het met ieder deed (B). Voor elk fragment is toestemming van de cliënt voor {purpose} nodig.</translation>
    </message>
    <message>
        <location filename="../../ui/team/collection_share_dialog.py" line="63"/>
        <source>You are in no team where your function fits {purpose}. Ask the team library&apos;s administrator.</source>
        <translation>Je zit in geen team waar je functie bij {purpose} past. Vraag het de beheerder van de teamopslag.</translation>
    </message>
    <message>
        <location filename="../../ui/team/collection_share_dialog.py" line="79"/>
        <source>Shared with {team}. Withdrawing a client&apos;s consent takes their clips out of it.</source>
        <translation>Gedeeld met {team}. Trekt een cliënt de toestemming in, dan gaan die fragmenten eruit.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="137"/>
        <source>Consent — {title}</source>
        <translation>Toestemming — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="141"/>
        <source>Consent is given per recording and per purpose. Withdrawing it also deletes the clips and exported files made for that purpose.</source>
        <translation>Toestemming geldt per opname en per doel. Trek je die in, dan worden ook de fragmenten en bestanden voor dat doel verwijderd.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="147"/>
        <source>&lt;b&gt;Given&lt;/b&gt;: looking back at your own conversation together is always allowed.</source>
        <translation>&lt;b&gt;Gegeven&lt;/b&gt;: samen je eigen gesprek terugkijken mag altijd.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="173"/>
        <source>Sharing the gespreksbladen of this review</source>
        <translation>Gespreksbladen van dit terugkijkgesprek delen</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="174"/>
        <source>and</source>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="177"/>
        <source>Only when {names} agree, their own gespreksblad of a moment (A, B, C) may go with its clip into material for peer consultation (with colleagues) or training. Names are replaced by roles when the export asks for it.</source>
        <translation>Alleen als {names} het goed vinden, mag hun eigen gespreksblad van een moment (A, B, C) met het fragment mee. Dat is voor intervisie (bespreken met collega&apos;s) of training. Namen worden dan rollen als de export daarom vraagt.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="181"/>
        <source>They agree: the gespreksbladen may be shared with clips</source>
        <translation>Zij vinden het goed: de gespreksbladen mogen met fragmenten mee</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="197"/>
        <source>Retention</source>
        <translation>Hoe lang bewaren</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="200"/>
        <source>Keep until</source>
        <translation>Bewaren tot</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="202"/>
        <source>Save retention</source>
        <translation>Bewaardatum opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="217"/>
        <source>No end date: the recording is kept until you delete it.</source>
        <translation>Geen einddatum: de opname blijft bewaard tot je hem verwijdert.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="221"/>
        <source>&lt;b&gt;Kept until {day}.&lt;/b&gt; After that day the recording, its reviews and clips are deleted (at the next start of the app, after a question).</source>
        <translation>&lt;b&gt;Bewaard tot {day}.&lt;/b&gt; Na die dag worden de opname, de terugkijkgesprekken en de fragmenten verwijderd (bij de volgende start van de app, na een vraag).</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="256"/>
        <source>This cannot be undone. Change the consent?</source>
        <translation>Dit kun je niet ongedaan maken. Toestemming aanpassen?</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="258"/>
        <location filename="../../ui/privacy/consent_dialog.py" line="276"/>
        <source>Change consent</source>
        <translation>Toestemming aanpassen</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="287"/>
        <source>This cannot be undone. Withdraw consent?</source>
        <translation>Dit kan niet ongedaan worden gemaakt. Toestemming intrekken?</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="289"/>
        <location filename="../../ui/privacy/consent_dialog.py" line="306"/>
        <source>Withdraw consent</source>
        <translation>Toestemming intrekken</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="275"/>
        <location filename="../../ui/privacy/consent_dialog.py" line="305"/>
        <source>{n} exported file(s) could not be deleted. Delete them by hand.</source>
        <translation>{n} bestand(en) niet verwijderd. Verwijder ze zelf.</translation>
    </message>
</context>
<context>
    <name>ConsentStrip</name>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="41"/>
        <source>Consent:</source>
        <translation>Toestemming:</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="51"/>
        <source>Change…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="54"/>
        <source>Change consent…</source>
        <translation>Toestemming wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="69"/>
        <source>Looking back at your own conversation together is always allowed.</source>
        <translation>Samen je eigen gesprek terugkijken mag altijd.</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="72"/>
        <location filename="../../ui/review/consent_strip.py" line="114"/>
        <source>{what}: yes</source>
        <translation>{what}: ja</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="76"/>
        <source>Consent now: {list}.</source>
        <translation>Toestemming nu: {list}.</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="82"/>
        <source>Kept until {day}</source>
        <translation>Bewaren tot {day}</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="83"/>
        <source>After this day the recording, its reviews and its clips are deleted.</source>
        <translation>Na deze dag worden de opname, de terugkijkgesprekken en de fragmenten verwijderd.</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="92"/>
        <source>No consent: no clips for {purpose}.</source>
        <translation>Geen toestemming: geen fragmenten voor {purpose}.</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="95"/>
        <location filename="../../ui/review/consent_strip.py" line="103"/>
        <source>{what}: no</source>
        <translation>{what}: nee</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="98"/>
        <source>✗ {purpose} (lapsed {day})</source>
        <translation>✗ {purpose} (verlopen {day})</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="100"/>
        <source>The consent ended on {day}; its clips can no longer be exported.</source>
        <translation>De toestemming is op {day} geëindigd; fragmenten ervan kunnen niet meer als bestand worden opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="107"/>
        <source>until {day}</source>
        <translation>tot {day}</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="109"/>
        <source>(faces blurred)</source>
        <translation>(gezichten onherkenbaar)</translation>
    </message>
    <message>
        <location filename="../../ui/review/consent_strip.py" line="111"/>
        <source>Given by {who} on {given}.</source>
        <translation>Gegeven door {who} op {given}.</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../ui/crash_dialog.py" line="63"/>
        <source>Something unexpected went wrong. What you saved is kept.</source>
        <translation>Er ging iets onverwachts mis. Wat je hebt bewaard, blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="65"/>
        <source>If it happens again, send the details to whoever helps you with vsr. They are also in the log: {path}</source>
        <translation>Gebeurt het weer? Stuur de details naar wie je helpt met vsr. Ze staan ook in het logboekbestand: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="69"/>
        <source>Copy details</source>
        <translation>Details kopiëren</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="26"/>
        <source>Recordings ({patterns})</source>
        <translation>Opnames ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="27"/>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="45"/>
        <source>The file could not be read or written{where}: {reason}</source>
        <translation>Het bestand kon niet worden gelezen of geschreven{where}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>Something unexpected went wrong. Nothing you saved was lost. Details: {detail}</source>
        <translation>Er ging iets onverwachts mis. Wat je hebt opgeslagen, is niet verloren. Details: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="53"/>
        <source>vsr</source>
        <translation>vsr</translation>
    </message>
</context>
<context>
    <name>DiscussPage</name>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="55"/>
        <source>Step 2 – {title}</source>
        <translation>Stap 2 – {title}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="73"/>
        <source>▶  Play the clip</source>
        <translation>▶  Fragment afspelen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="78"/>
        <source>Start earlier</source>
        <translation>Eerder beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="79"/>
        <source>Stop later</source>
        <translation>Later stoppen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="124"/>
        <source>Moment {n} · {time}</source>
        <translation>Moment {n} · {time}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="126"/>
        <source>Moment {n}: {time}</source>
        <translation>Moment {n}: {time}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="128"/>
        <source>Moment {n} of {count}</source>
        <translation>Moment {n} van {count}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="166"/>
        <source>❚❚ {name} paused here ({times})</source>
        <translation>❚❚ {name} pauzeerde hier ({times})</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="176"/>
        <source>Marked by both of you ({first} and {second})</source>
        <translation>Door jullie allebei gemarkeerd ({first} en {second})</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="179"/>
        <source>Marked by all of you ({names})</source>
        <translation>Door jullie allemaal gemarkeerd ({names})</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="180"/>
        <source>Marked by {name}</source>
        <translation>Gemarkeerd door {name}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/discuss_page.py" line="210"/>
        <source>Clip {start} – {end}, repeats</source>
        <translation>Fragment {start} – {end}, speelt steeds opnieuw</translation>
    </message>
</context>
<context>
    <name>DueDateEdit</name>
    <message>
        <location filename="../../ui/date_fields.py" line="87"/>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
    <message>
        <location filename="../../ui/date_fields.py" line="89"/>
        <source>Delete: no date</source>
        <translation>Delete: geen datum</translation>
    </message>
</context>
<context>
    <name>EafImportDialog</name>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="46"/>
        <source>Import ELAN file</source>
        <translation>ELAN-bestand importeren</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="48"/>
        <source>Each tier at the top becomes a participant; each of its annotations becomes a moment with its text in A. Text of the tiers below it is added to A of that moment.</source>
        <translation>Elke bovenste laag wordt een deelnemer. Elke aantekening in die laag wordt een moment, met de tekst bij A. Tekst uit de lagen eronder komt ook bij A van dat moment.</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="53"/>
        <source>Into a new review of this recording</source>
        <translation>In een nieuw terugkijkgesprek van deze opname</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="54"/>
        <source>Into the open review</source>
        <translation>In het terugkijkgesprek dat nu open is</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="56"/>
        <source>Where the moments go</source>
        <translation>Waar de momenten heen gaan</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="64"/>
        <source>Tiers in the file</source>
        <translation>Lagen in het bestand</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="65"/>
        <source>Tier</source>
        <translation>Laag</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="65"/>
        <source>Annotations</source>
        <translation>Aantekeningen</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="65"/>
        <source>Goes to</source>
        <translation>Gaat naar</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="79"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="110"/>
        <source>Into A of the moment above</source>
        <translation>Bij A van het moment erboven</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="112"/>
        <source>New participant: {name}</source>
        <translation>Nieuwe deelnemer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="114"/>
        <source>Participant: {name}</source>
        <translation>Deelnemer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="118"/>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <location filename="../../ui/interop/eaf_import_dialog.py" line="146"/>
        <source>Moments to import: {count}</source>
        <translation>Momenten om in te lezen: {count}</translation>
    </message>
</context>
<context>
    <name>ExportChoiceDialog</name>
    <message>
        <location filename="../../ui/interop/menu.py" line="79"/>
        <source>Export as</source>
        <translation>Opslaan als bestand</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="81"/>
        <source>The file holds the moments and gespreksbladen. Replace names when the file goes to someone outside this conversation.</source>
        <translation>In het bestand staan de momenten en gespreksbladen. Vervang de namen als het bestand naar iemand buiten dit gesprek gaat.</translation>
    </message>
</context>
<context>
    <name>ExportClipsDialog</name>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="89"/>
        <source>Export clips — {name}</source>
        <translation>Fragmenten opslaan als bestanden — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="93"/>
        <source>Make faces unrecognisable</source>
        <translation>Gezichten onherkenbaar maken</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="95"/>
        <source>Blur</source>
        <translation>Vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="96"/>
        <source>Pixelate</source>
        <translation>Blokjes (pixels)</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="108"/>
        <source>Required: a client in this collection did not agree to be recognisable in training material.</source>
        <translation>Verplicht: een cliënt in deze verzameling wil niet herkenbaar zijn in oefenmateriaal.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="111"/>
        <source>Replace names by roles in titles and texts</source>
        <translation>Namen vervangen door rollen in titels en teksten</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="114"/>
        <source>“Zoë” becomes “client”, the professional&apos;s name “professional”. Always done for a training clip whose client may not be recognisable.</source>
        <translation>“Zoë” wordt “cliënt”, de naam van de professional “professional”. Gebeurt altijd bij een trainingsfragment waarvan de cliënt niet herkenbaar mag zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="120"/>
        <source>Keep the sound</source>
        <translation>Geluid behouden</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="124"/>
        <source>Subtitles from what was said (a .vtt file per clip)</source>
        <translation>Ondertitels van wat er gezegd is (een .vtt-bestand per fragment)</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="126"/>
        <source>From the transcript of the recording. With names replaced, also in the subtitles.</source>
        <translation>Uit het uitschrift van de opname. Als namen vervangen worden, ook in de ondertitels.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="130"/>
        <source>Only the clips</source>
        <translation>Alleen de fragmenten</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="131"/>
        <source>Intervisie pack (clips and handout)</source>
        <translation>Pakket voor intervisie met collega&apos;s (fragmenten en een blad met vragen)</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="132"/>
        <source>Exercise pack (clips, web page and worksheet)</source>
        <translation>Oefenpakket (fragmenten, webpagina en werkblad)</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="135"/>
        <source>Folder for the clips</source>
        <translation>Map voor de fragmenten</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="136"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="143"/>
        <source>How:</source>
        <translation>Hoe:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="146"/>
        <source>Faces:</source>
        <translation>Gezichten:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="148"/>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="149"/>
        <source>Other names:</source>
        <translation>Andere namen:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="150"/>
        <source>Sound:</source>
        <translation>Geluid:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="152"/>
        <source>Subtitles:</source>
        <translation>Ondertitels:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="153"/>
        <source>Pack:</source>
        <translation>Pakket:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="154"/>
        <source>Folder:</source>
        <translation>Map:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="155"/>
        <source>Preview faces</source>
        <translation>Gezichten vooraf bekijken</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="159"/>
        <source>Clip {n}</source>
        <translation>Fragment {n}</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="162"/>
        <location filename="../../ui/clips/export_dialog.py" line="163"/>
        <source>Where in the clip to look</source>
        <translation>Waar in het fragment je kijkt</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="170"/>
        <source>Preview:</source>
        <translation>Voorbeeld:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="180"/>
        <source>What the export shows. Drag a box over a face the program missed.</source>
        <translation>Zo ziet de export eruit. Trek een vak over een gezicht dat het programma heeft gemist.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="182"/>
        <source>Original</source>
        <translation>Origineel</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="183"/>
        <source>Faces made unrecognisable</source>
        <translation>Gezichten onherkenbaar gemaakt</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="190"/>
        <source>Press “Preview faces” to see a picture of the clip.</source>
        <translation>Klik op “Gezichten vooraf bekijken” om een beeld uit het fragment te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="203"/>
        <source>Export</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="205"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="206"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="226"/>
        <source>Export to folder</source>
        <translation>Opslaan in map</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="250"/>
        <source>Press “Preview faces” first, then draw on the picture.</source>
        <translation>Klik eerst op ‘Gezichten vooraf bekijken’ en teken dan op de afbeelding.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="327"/>
        <source>Choose a folder first.</source>
        <translation>Kies eerst een map.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="334"/>
        <location filename="../../ui/clips/export_dialog.py" line="363"/>
        <source>Exporting…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="386"/>
        <source>The export was not saved.</source>
        <translation>De export is niet opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="390"/>
        <source>{n} file(s) written to {folder}.</source>
        <translation>{n} bestand(en) opgeslagen in {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="406"/>
        <source>Export cancelled. No files were left behind.</source>
        <translation>Export geannuleerd. Er zijn geen bestanden achtergebleven.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/export_dialog.py" line="396"/>
        <source>The export failed. No files were left behind.</source>
        <translation>De export is mislukt. Er zijn geen bestanden achtergebleven.</translation>
    </message>
</context>
<context>
    <name>ExportSummaryDialog</name>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="69"/>
        <source>Export learning summary</source>
        <translation>Leerverslag opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="75"/>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="85"/>
        <source>Format</source>
        <translation>Soort bestand</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="88"/>
        <source>Full names</source>
        <translation>Volledige namen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="89"/>
        <source>Initials only</source>
        <translation>Alleen voorletters</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="87"/>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="93"/>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="97"/>
        <source>Other names</source>
        <translation>Andere namen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="99"/>
        <source>With initials, every name (also in the notes and the file name) becomes a role or “[name]”.</source>
        <translation>Met voorletters wordt elke naam (ook in de notities en de bestandsnaam) een rol of “[naam]”.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="105"/>
        <source>Add a still from the video for each moment</source>
        <translation>Een beeld uit de video toevoegen bij elk moment</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="107"/>
        <source>Off by default: faces in the video are personal data.</source>
        <translation>Staat standaard uit: aan een gezicht in de video herken je iemand.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="111"/>
        <source>This recording has no picture, so there are no stills to add.</source>
        <translation>Deze opname heeft geen beeld, dus er zijn geen beelden om toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="108"/>
        <source>Faces are personal data. Add stills only if everyone agrees.</source>
        <translation>Aan een gezicht herken je iemand. Voeg alleen beelden toe als iedereen dat goed vindt.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="121"/>
        <source>Add who spoke how much (from what was said)</source>
        <translation>Zet erin wie hoeveel sprak (uit wat er gezegd is)</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="123"/>
        <source>Off by default: it comes from the transcript of the recording. A conversation aid, not a score.</source>
        <translation>Staat uit: het komt uit het uitschrift van de opname. Een hulp voor het gesprek, geen score.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="135"/>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="141"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="136"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="146"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="154"/>
        <source>Export</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="156"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="183"/>
        <source>Save learning summary</source>
        <translation>Leerverslag opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="191"/>
        <source>Choose a file first.</source>
        <translation>Kies eerst een bestand.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="232"/>
        <source>Making the learning summary…</source>
        <translation>Het leerverslag wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="252"/>
        <source>Export cancelled. No file was made.</source>
        <translation>Export geannuleerd. Er is geen bestand gemaakt.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/export_dialog.py" line="278"/>
        <source>Saved: {path}</source>
        <translation>Opgeslagen: {path}</translation>
    </message>
</context>
<context>
    <name>ExtraNamesField</name>
    <message>
        <location filename="../../ui/extra_names_field.py" line="21"/>
        <source>Other names to hide, separated by commas</source>
        <translation>Andere namen om te verbergen, met komma&apos;s ertussen</translation>
    </message>
    <message>
        <location filename="../../ui/extra_names_field.py" line="23"/>
        <source>Names of people the app does not know, such as a partner or a child. They become “[name]” in everything that is exported.</source>
        <translation>Namen van mensen die de app niet kent, zoals een partner of een kind. Ze worden “[naam]” in alles wat je als bestand opslaat.</translation>
    </message>
    <message>
        <location filename="../../ui/extra_names_field.py" line="25"/>
        <source>Other names</source>
        <translation>Andere namen</translation>
    </message>
</context>
<context>
    <name>FaceBoxEditor</name>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="38"/>
        <source>Blur here</source>
        <translation>Hier vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="39"/>
        <source>Not a face: don&apos;t blur</source>
        <translation>Geen gezicht: niet vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="41"/>
        <source>Drag a box on the right-hand picture: a face the program missed, or something it blurs that is not a face.</source>
        <translation>Trek een vak op de rechter afbeelding: over een gezicht dat het programma heeft gemist, of over iets dat het vervaagt maar geen gezicht is.</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="51"/>
        <source>Remove box</source>
        <translation>Vak weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="55"/>
        <source>Draw a box:</source>
        <translation>Vak tekenen:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="60"/>
        <source>from</source>
        <translation>van</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="60"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="67"/>
        <source>Boxes:</source>
        <translation>Vakken:</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="86"/>
        <source>No boxes drawn</source>
        <translation>Geen vakken getekend</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="90"/>
        <source>Not a face</source>
        <translation>Geen gezicht</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="90"/>
        <source>Blur</source>
        <translation>Vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/clips/face_box_editor.py" line="91"/>
        <source>{what} {start}–{end}</source>
        <translation>{what} {start}–{end}</translation>
    </message>
</context>
<context>
    <name>Interop</name>
    <message>
        <location filename="../../ui/interop/menu.py" line="43"/>
        <source>ELAN files (*.eaf)</source>
        <translation>ELAN-bestanden (*.eaf)</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="44"/>
        <source>WebVTT subtitles (*.vtt)</source>
        <translation>Ondertitels voor een videospeler (*.vtt)</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="45"/>
        <source>SRT subtitles (*.srt)</source>
        <translation>Ondertitels voor een videospeler (*.srt)</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="46"/>
        <source>Spreadsheet (*.csv)</source>
        <translation>Spreadsheet (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="57"/>
        <source>Import ELAN file</source>
        <translation>ELAN-bestand importeren</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="103"/>
        <source>moments</source>
        <translation>momenten</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="107"/>
        <source>Export as</source>
        <translation>Opslaan als bestand</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="120"/>
        <source>Preparing the export…</source>
        <translation>De export wordt voorbereid…</translation>
    </message>
    <message>
        <location filename="../../ui/interop/menu.py" line="136"/>
        <source>Written: {path}</source>
        <translation>Opgeslagen: {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>Recent reviews</source>
        <translation>Recente terugkijkgesprekken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>&amp;Edit</source>
        <translation>B&amp;ewerken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347"/>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="348"/>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>&amp;Playback</source>
        <translation>&amp;Afspelen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>Only looking: the library is damaged, nothing is saved. File → Backups… puts a backup back.</source>
        <translation>Alleen bekijken: het gegevensbestand is beschadigd, er wordt niets bewaard. Met Bestand → Reservekopieën… ga je terug naar een reservekopie.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Export as</source>
        <translation>Opslaan als bestand</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Team library</source>
        <translation>Teamopslag</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>Redone: {what}</source>
        <translation>Opnieuw gedaan: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>Undone: {what}</source>
        <translation>Ongedaan gemaakt: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433"/>
        <source>No reviews yet.</source>
        <translation>Nog geen terugkijkgesprekken.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="500"/>
        <source>Open recording</source>
        <translation>Opname openen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="509"/>
        <source>A file is being read: open {name} again when it is done.</source>
        <translation>Er wordt al een bestand gelezen: open {name} opnieuw als dat klaar is.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523"/>
        <source>Reading the file…</source>
        <translation>Het bestand wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="630"/>
        <source>Making the demo recording…</source>
        <translation>De demo-opname wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="646"/>
        <source>New review</source>
        <translation>Nieuw terugkijkgesprek</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="646"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="672"/>
        <source>Add participant</source>
        <translation>Deelnemer toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="673"/>
        <source>Name (for example: interpreter):</source>
        <translation>Naam (bijvoorbeeld: tolk):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="750"/>
        <source>Delete expired material</source>
        <translation>Verlopen materiaal verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="751"/>
        <source>Nothing has passed its retention date.</source>
        <translation>Niets is langer bewaard dan afgesproken.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="774"/>
        <source>Audit log altered</source>
        <translation>Logboek veranderd</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="801"/>
        <source>About vsr</source>
        <translation>Over vsr</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="802"/>
        <source>&lt;b&gt;vsr {version}&lt;/b&gt;&lt;p&gt;Video-stimulated recall for the Samenleergesprek: look back together at a recorded conversation and learn from it.&lt;/p&gt;&lt;p&gt;Method: Samenleerwijzer (Lengkeek &amp;amp; van Hal, HAN, 2021).&lt;/p&gt;</source>
        <translation>&lt;b&gt;vsr {version}&lt;/b&gt;&lt;p&gt;Samen terugkijken voor het Samenleergesprek: bekijk samen een opgenomen gesprek en leer ervan.&lt;/p&gt;&lt;p&gt;Methode: Samenleerwijzer (Lengkeek &amp;amp; van Hal, HAN, 2021).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MarkButtons</name>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="66"/>
        <location filename="../../ui/review/mark_buttons.py" line="101"/>
        <source>Mark: {name}</source>
        <translation>Markeer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="74"/>
        <source>Mark this moment for {name} (key {n}, or Ctrl+{n}). Alt+{n}: pause for {name}.</source>
        <translation>Markeer dit moment voor {name} (toets {n} of Ctrl+{n}). Alt+{n}: pauze voor {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="77"/>
        <source>Mark moment for {name}</source>
        <translation>Moment markeren voor {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="105"/>
        <source>{n} marked</source>
        <translation>{n} gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="108"/>
        <source>{name}: {count}, hidden until you show them together</source>
        <translation>{name}: {count}, verborgen tot jullie ze samen laten zien</translation>
    </message>
</context>
<context>
    <name>MarkerListPanel</name>
    <message>
        <location filename="../../ui/review/marker_list.py" line="172"/>
        <location filename="../../ui/review/marker_list.py" line="213"/>
        <source>Marked moments</source>
        <translation>Gemarkeerde momenten</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="179"/>
        <source>Show moments of</source>
        <translation>Toon momenten van</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="181"/>
        <source>Show:</source>
        <translation>Toon:</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="183"/>
        <source>You are marking separately: the moments stay hidden until you show them together (Samenleergesprek, step 1).</source>
        <translation>Jullie markeren apart: de momenten blijven verborgen tot jullie ze samen laten zien (Samenleergesprek, stap 1).</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="192"/>
        <source>Reading the marked moments…</source>
        <translation>De gemarkeerde momenten worden gelezen…</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="229"/>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="275"/>
        <source>The marked moments are shown.</source>
        <translation>De gemarkeerde momenten staan er nu.</translation>
    </message>
</context>
<context>
    <name>MarkerTableModel</name>
    <message>
        <location filename="../../ui/review/marker_list.py" line="75"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="75"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="75"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="75"/>
        <source>What happened</source>
        <translation>Wat gebeurde er</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="100"/>
        <source>no theme yet</source>
        <translation>nog geen thema</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="100"/>
        <source>nothing written yet</source>
        <translation>nog niets geschreven</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../ui/player/unavailable.py" line="16"/>
        <source>Install VLC media player 3 (64-bit) from https://www.videolan.org and start this program again.</source>
        <translation>Installeer VLC media player 3 (64-bit) van https://www.videolan.org en start dit programma opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="21"/>
        <source>Install VLC media player 3 from https://www.videolan.org in Applications and start this program again.</source>
        <translation>Installeer VLC media player 3 van https://www.videolan.org in Programma&apos;s en start dit programma opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="27"/>
        <source>Install VLC and start this program again. On Debian or Ubuntu: sudo apt-get install vlc (or only the packages libvlc5, vlc-plugin-base and vlc-plugin-video-output).</source>
        <translation>Installeer VLC en start dit programma opnieuw. Op Debian of Ubuntu: sudo apt-get install vlc (of alleen de pakketten libvlc5, vlc-plugin-base en vlc-plugin-video-output).</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="34"/>
        <source>Recordings cannot be played: the VLC media player is missing.</source>
        <translation>Opnames kunnen niet worden afgespeeld: VLC media player ontbreekt.</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="41"/>
        <source>(Technical detail: {detail})</source>
        <translation>(Technische informatie: {detail})</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="362"/>
        <source>Opening {path} takes too long. The file may be damaged, or the drive it is on is slow or disconnected.</source>
        <translation>Het openen van {path} duurt te lang. Misschien is het bestand beschadigd, of is de schijf traag of niet aangesloten.</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="424"/>
        <source>Playing {path} stopped at {at} of {total}: the file seems damaged or incomplete.</source>
        <translation>Het afspelen van {path} stopte bij {at} van {total}: het bestand lijkt beschadigd of onvolledig.</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="440"/>
        <source>The file {path} cannot be played: no video or sound could be read from it. The file may be damaged or of a kind that cannot be played.</source>
        <translation>Het bestand {path} kan niet worden afgespeeld: er is geen beeld of geluid uit te lezen. Misschien is het bestand beschadigd of van een soort die niet kan worden afgespeeld.</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="448"/>
        <source>The file {path} does not exist or cannot be read. Was it moved or renamed?</source>
        <translation>Het bestand {path} bestaat niet of kan niet worden gelezen. Is het verplaatst of hernoemd?</translation>
    </message>
</context>
<context>
    <name>MissingRecordingBanner</name>
    <message>
        <location filename="../../ui/review/missing_banner.py" line="22"/>
        <source>Locate recording…</source>
        <translation>Opname zoeken…</translation>
    </message>
</context>
<context>
    <name>MomentCard</name>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="78"/>
        <source>Moment at {time}</source>
        <translation>Moment op {time}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="81"/>
        <source>Theme card of moment {n}</source>
        <translation>Themakaart van moment {n}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="84"/>
        <source>Theme card:</source>
        <translation>Themakaart:</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="88"/>
        <source>Move moment {n} up</source>
        <translation>Moment {n} naar boven</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="93"/>
        <source>Move moment {n} down</source>
        <translation>Moment {n} naar beneden</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="97"/>
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="98"/>
        <source>Remove moment {n}</source>
        <translation>Moment {n} weghalen</translation>
    </message>
</context>
<context>
    <name>MomentTimeDialog</name>
    <message>
        <location filename="../../ui/review/moment_time_dialog.py" line="35"/>
        <source>Type minutes and seconds, for example 0130 for 1:30. Up and down: later or earlier.</source>
        <translation>Typ minuten en seconden, bijvoorbeeld 0130 voor 1:30. Omhoog en omlaag: later of eerder.</translation>
    </message>
    <message>
        <location filename="../../ui/review/moment_time_dialog.py" line="56"/>
        <source>Time of the moment</source>
        <translation>Tijd van het moment</translation>
    </message>
    <message>
        <location filename="../../ui/review/moment_time_dialog.py" line="58"/>
        <location filename="../../ui/review/moment_time_dialog.py" line="68"/>
        <source>Starts at</source>
        <translation>Begint op</translation>
    </message>
    <message>
        <location filename="../../ui/review/moment_time_dialog.py" line="60"/>
        <location filename="../../ui/review/moment_time_dialog.py" line="62"/>
        <source>Ends at</source>
        <translation>Eindigt op</translation>
    </message>
    <message>
        <location filename="../../ui/review/moment_time_dialog.py" line="77"/>
        <source>Length of the recording: {length}</source>
        <translation>Lengte van de opname: {length}</translation>
    </message>
    <message>
        <location filename="../../ui/review/moment_time_dialog.py" line="90"/>
        <source>The end must come after the start.</source>
        <translation>Het eind moet na het begin komen.</translation>
    </message>
</context>
<context>
    <name>MomentsPage</name>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="51"/>
        <source>No theme card</source>
        <translation>Geen themakaart</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="113"/>
        <source>Step 1 – {title}</source>
        <translation>Stap 1 – {title}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="116"/>
        <source>A theme card is a subject to talk about, such as “How do we work together?”. Each card has smaller subjects, each with a question.</source>
        <translation>Een themakaart is een onderwerp om over te praten, zoals “Hoe gaat onze samenwerking?”. Elke kaart heeft kleinere onderwerpen, elk met een vraag.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="126"/>
        <source>Moments you marked</source>
        <translation>Momenten die jullie markeerden</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="127"/>
        <source>You marked separately. The moments are still hidden from each other.</source>
        <translation>Jullie hebben apart gemarkeerd. De momenten zijn nog verborgen voor elkaar.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="130"/>
        <source>Show the moments</source>
        <translation>Laat de momenten zien</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="135"/>
        <source>Moments to choose from</source>
        <translation>Momenten om uit te kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="143"/>
        <source>Choose this moment  →</source>
        <translation>Kies dit moment  →</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="161"/>
        <source>No moment chosen yet. Choose one to three moments.</source>
        <translation>Nog geen moment gekozen. Kies één tot drie momenten.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="189"/>
        <source>Both marked ({names})</source>
        <translation>Allebei gemarkeerd ({names})</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="190"/>
        <source>Only {name}</source>
        <translation>Alleen {name}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="212"/>
        <source>✓ chosen</source>
        <translation>✓ gekozen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="228"/>
        <source>Chosen: {n} of {max}</source>
        <translation>Gekozen: {n} van {max}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="252"/>
        <source>Add a new moment here ({time}), marked by:</source>
        <translation>Nieuw moment hier ({time}), gemarkeerd door:</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/moments_page.py" line="255"/>
        <source>Add a moment at {time} for {name}</source>
        <translation>Moment toevoegen op {time} voor {name}</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../ui/widgets.py" line="119"/>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
</context>
<context>
    <name>PackageDialogs</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="132"/>
        <source>Writing the package…</source>
        <translation>Het pakket wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="133"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="161"/>
        <source>Package written: %1</source>
        <translation>Pakket gemaakt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="193"/>
        <location filename="../../ui/package_dialogs.py" line="244"/>
        <source>Open package</source>
        <translation>Pakket openen</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="254"/>
        <source>This review is already in your library.</source>
        <translation>Dit terugkijkgesprek staat al in je gegevensbestand.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="256"/>
        <source>Keep both</source>
        <translation>Allebei houden</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="257"/>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
</context>
<context>
    <name>PartyNamesDialog</name>
    <message>
        <location filename="../../ui/party_dialog.py" line="15"/>
        <source>Names of the participants</source>
        <translation>Namen van de deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/party_dialog.py" line="22"/>
        <source>Name of participant {n}</source>
        <translation>Naam van deelnemer {n}</translation>
    </message>
    <message>
        <location filename="../../ui/party_dialog.py" line="23"/>
        <source>Participant {n}</source>
        <translation>Deelnemer {n}</translation>
    </message>
</context>
<context>
    <name>PartyReflection</name>
    <message>
        <location filename="../../ui/review/party_reflection.py" line="38"/>
        <source>How did it feel? Choose one or more.</source>
        <translation>Hoe voelde het? Kies er één of meer.</translation>
    </message>
    <message>
        <location filename="../../ui/review/party_reflection.py" line="46"/>
        <source>{name} feels: {feeling}</source>
        <translation>{name} voelt: {feeling}</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../../ui/privacy/purge_dialog.py" line="31"/>
        <location filename="../../ui/privacy/purge_dialog.py" line="69"/>
        <source>Retention period over</source>
        <translation>Langer bewaard dan afgesproken</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/purge_dialog.py" line="35"/>
        <source>&lt;b&gt;Some material has passed its last day to be kept.&lt;/b&gt; Recordings of clients are kept no longer than agreed. This is what will be deleted:</source>
        <translation>&lt;b&gt;Er is materiaal over de laatste bewaardag heen.&lt;/b&gt; Opnames van cliënten worden niet langer bewaard dan afgesproken. Dit wordt verwijderd:</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/purge_dialog.py" line="41"/>
        <source>What will be deleted</source>
        <translation>Wat wordt verwijderd</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/purge_dialog.py" line="43"/>
        <source>Deleting cannot be undone; it is written in the audit log. With “Later” nothing changes and you are asked again at the next start.</source>
        <translation>Verwijderen kan niet ongedaan worden gemaakt en komt in het logboek. Met “Later” verandert er niets en krijg je de vraag bij de volgende start opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/purge_dialog.py" line="49"/>
        <source>Delete now</source>
        <translation>Nu verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/purge_dialog.py" line="50"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/purge_dialog.py" line="67"/>
        <source>{n} file(s) could not be deleted. Delete them by hand:
{paths}</source>
        <translation>{n} bestand(en) konden niet worden verwijderd. Verwijder ze zelf:
{paths}</translation>
    </message>
</context>
<context>
    <name>PurposeBox</name>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="60"/>
        <source>Name or initials of the client</source>
        <translation>Naam of voorletters van de cliënt</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="63"/>
        <source>Ends on</source>
        <translation>Eindigt op</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="65"/>
        <source>The client may be recognisable (no face blurring needed)</source>
        <translation>De cliënt mag herkenbaar zijn (gezicht hoeft niet vervaagd)</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="66"/>
        <location filename="../../ui/privacy/consent_dialog.py" line="103"/>
        <source>Grant</source>
        <translation>Toestemming geven</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="67"/>
        <source>Withdraw…</source>
        <translation>Intrekken…</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="73"/>
        <source>Given by:</source>
        <translation>Gegeven door:</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="74"/>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="75"/>
        <source>End date:</source>
        <translation>Einddatum:</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="102"/>
        <source>&lt;b&gt;No consent.&lt;/b&gt; Clips for this purpose are not allowed.</source>
        <translation>&lt;b&gt;Geen toestemming.&lt;/b&gt; Fragmenten voor dit doel mogen niet.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="107"/>
        <source> until {day}</source>
        <translation> tot en met {day}</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="110"/>
        <source>&lt;b&gt;Lapsed&lt;/b&gt; on {day}. Given by {who} on {given}.</source>
        <translation>&lt;b&gt;Verlopen&lt;/b&gt; op {day}. Gegeven door {who} op {given}.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="114"/>
        <source>&lt;b&gt;Given&lt;/b&gt; by {who} on {given}{until}.</source>
        <translation>&lt;b&gt;Gegeven&lt;/b&gt; door {who} op {given}{until}.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="117"/>
        <source>The client may be recognisable.</source>
        <translation>De cliënt mag herkenbaar zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="118"/>
        <source>Faces must be made unrecognisable.</source>
        <translation>Gezichten moeten onherkenbaar worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/consent_dialog.py" line="124"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
</context>
<context>
    <name>RatingsEditor</name>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="48"/>
        <source>Each of you answers alone. You see each other&apos;s answers only when everyone has answered.</source>
        <translation>Ieder antwoordt voor zich. Jullie zien elkaars antwoorden pas als iedereen heeft geantwoord.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="111"/>
        <source>{name}: {question} – {value}</source>
        <translation>{name}: {question} – {value}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="126"/>
        <source>Ready – hide my answers</source>
        <translation>Klaar – verberg mijn antwoorden</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="133"/>
        <source>✓ Answered (hidden)</source>
        <translation>✓ Beantwoord (verborgen)</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="133"/>
        <source>Not answered yet</source>
        <translation>Nog niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="137"/>
        <source>✓ Answered. Hidden until everyone has answered.</source>
        <translation>✓ Beantwoord. Verborgen tot iedereen heeft geantwoord.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="138"/>
        <source>Not answered yet.</source>
        <translation>Nog niet beantwoord.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="141"/>
        <source>Change my answers</source>
        <translation>Mijn antwoorden wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="141"/>
        <source>Answer now</source>
        <translation>Nu antwoorden</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="181"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="181"/>
        <source>Client</source>
        <translation>Cliënt</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/ratings_editor.py" line="182"/>
        <source>Other</source>
        <translation>Ander</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="125"/>
        <source>Shared with me</source>
        <translation>Gedeeld met mij</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="129"/>
        <source>Search in what is shared with me</source>
        <translation>Zoeken in wat met mij gedeeld is</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="130"/>
        <location filename="../../ui/team/received_dialog.py" line="131"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="140"/>
        <source>Shared reviews</source>
        <translation>Gedeelde terugkijkgesprekken</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="146"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="178"/>
        <source>Connecting to the team library…</source>
        <translation>Verbinden met de teamopslag…</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="187"/>
        <source>{title} — {team}, {purpose}, {moments} moment(s), {when}</source>
        <translation>{title} — {team}, {purpose}, {moments} moment(en), {when}</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="193"/>
        <source>{n} shared review(s).</source>
        <translation>Aantal gedeelde terugkijkgesprekken: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="195"/>
        <source>{n} received review(s) are no longer shared and were removed from this computer.</source>
        <translation>Ontvangen terugkijkgesprekken die niet meer gedeeld zijn, zijn van deze computer gehaald: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="204"/>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="220"/>
        <source>{n} moment(s) found.</source>
        <translation>{n} moment(en) gevonden.</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="225"/>
        <source>Choose a shared review first.</source>
        <translation>Kies eerst een gedeeld terugkijkgesprek.</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="235"/>
        <source>Opening the shared review…</source>
        <translation>Het gedeelde terugkijkgesprek wordt geopend…</translation>
    </message>
    <message>
        <location filename="../../ui/team/received_dialog.py" line="262"/>
        <source>Received. It is open in the window.</source>
        <translation>Ontvangen. Hij staat open in het venster.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/review/review_view.py" line="514"/>
        <source>Write down what was said</source>
        <translation>Uitschrijven wat er gezegd is</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="174"/>
        <source>Sound only: this recording has no picture.</source>
        <translation>Alleen geluid: deze opname heeft geen beeld.</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="202"/>
        <source>Moments and Samenleergesprek</source>
        <translation>Momenten en Samenleergesprek</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="203"/>
        <source>Tabs</source>
        <translation>Tabbladen</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="206"/>
        <source>Moments</source>
        <translation>Momenten</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="217"/>
        <source>Samenleergesprek</source>
        <translation>Samenleergesprek</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="535"/>
        <source>Who is who</source>
        <translation>Wie is wie</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="536"/>
        <source>There is nothing written down yet. Choose “Write down what was said” in the File menu first.</source>
        <translation>Er is nog niets uitgeschreven. Kies eerst “Uitschrijven wat er gezegd is” in het menu Bestand.</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="603"/>
        <source>Where is the recording “{title}”?</source>
        <translation>Waar staat de opname ‘{title}’?</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="977"/>
        <source>Paused for {name}</source>
        <translation>Pauze voor {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="1010"/>
        <source>Moment moved: {moment}</source>
        <translation>Moment verplaatst: {moment}</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_view.py" line="1024"/>
        <source>Moment deleted: {moment}. Ctrl+Z puts it back.</source>
        <translation>Moment verwijderd: {moment}. Ctrl+Z zet het terug.</translation>
    </message>
    <message>
        <location filename="../../ui/review/marking.py" line="34"/>
        <source>The library is in use by another program. Your mark is saved as soon as the library is free.</source>
        <translation>Het gegevensbestand is in gebruik door een ander programma. Je markering wordt opgeslagen zodra het weer vrij is.</translation>
    </message>
    <message>
        <location filename="../../ui/review/marking.py" line="126"/>
        <source>Moment marked for {name}; hidden until you show them together</source>
        <translation>Moment gemarkeerd voor {name}; verborgen tot jullie ze samen laten zien</translation>
    </message>
    <message>
        <location filename="../../ui/review/marking.py" line="134"/>
        <source>Moment marked for {name} at {time}</source>
        <translation>Moment gemarkeerd voor {name} op {time}</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../ui/samenleergesprek/rules_page.py" line="32"/>
        <source>Our agreements for this conversation</source>
        <translation>Onze afspraken voor dit gesprek</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/rules_page.py" line="33"/>
        <source>Read them together. Each of you says yes with your own button.</source>
        <translation>Lees ze samen. Ieder zegt ja met een eigen knop.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/rules_page.py" line="49"/>
        <source>Mark separately</source>
        <translation>Apart markeren</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/rules_page.py" line="54"/>
        <source>You do not see each other&apos;s moments until you choose &quot;Show the moments&quot; in step 1.</source>
        <translation>Jullie zien elkaars momenten pas als je in stap 1 kiest voor &quot;Laat de momenten zien&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/rules_page.py" line="88"/>
        <source>✓  {name}: I agree</source>
        <translation>✓  {name}: ik doe mee</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/rules_page.py" line="89"/>
        <source>☐  {name}: I agree</source>
        <translation>☐  {name}: ik doe mee</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/rules_page.py" line="90"/>
        <source>{name} agrees with the agreements</source>
        <translation>{name} is het eens met de afspraken</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/search_dialog.py" line="63"/>
        <source>Search all reviews</source>
        <translation>Zoeken in alle gesprekken</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="66"/>
        <source>Words in what happened, what it did, what we keep, or what was said</source>
        <translation>Woorden uit wat er gebeurde, wat het met je deed, wat we houden, of wat er gezegd is</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="69"/>
        <source>Words to search for</source>
        <translation>Woorden om te zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="71"/>
        <source>All themes</source>
        <translation>Alle thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="75"/>
        <source>Participant (name or role)</source>
        <translation>Deelnemer (naam of rol)</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="76"/>
        <source>Participant</source>
        <translation>Deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="80"/>
        <source>Moments found</source>
        <translation>Gevonden momenten</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="85"/>
        <source>Open moment</source>
        <translation>Moment openen</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="88"/>
        <source>Add to collection</source>
        <translation>Toevoegen aan verzameling</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="110"/>
        <source>any day</source>
        <translation>elke dag</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="116"/>
        <source>Theme:</source>
        <translation>Thema:</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="119"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="119"/>
        <source>to</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="129"/>
        <source>Collection:</source>
        <translation>Verzameling:</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="168"/>
        <source>Said in a recording: %1</source>
        <translation>Gezegd in een opname: %1</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="203"/>
        <source>Showing %1 of the %2 moments found. Add words or filters to see the ones you look for.</source>
        <translation>%1 van de %2 gevonden momenten getoond. Zoek met meer woorden of filters om te vinden wat je zoekt.</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="206"/>
        <source>Moments found: %1</source>
        <translation>Gevonden momenten: %1</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="229"/>
        <source>Said</source>
        <translation>Gezegd</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="256"/>
        <source>Added to the collection.</source>
        <translation>Toegevoegd aan de verzameling.</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="257"/>
        <source>Added to the collection, without the gespreksblad: this review did not agree to share it.</source>
        <translation>Toegevoegd aan de verzameling, zonder het gespreksblad: bij dit gesprek is niet afgesproken dat het gedeeld mag worden.</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="260"/>
        <source>Not added: %1</source>
        <translation>Niet toegevoegd: %1</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="66"/>
        <source>Samenleergesprek</source>
        <translation>Samenleergesprek</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="143"/>
        <source>◀  Back</source>
        <translation>◀  Terug</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="145"/>
        <source>Back (Alt+Left)</source>
        <translation>Terug (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="144"/>
        <location filename="../../ui/samenleergesprek/panel.py" line="146"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="130"/>
        <source>+  Pause as moment</source>
        <translation>+  Pauze als moment</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="131"/>
        <source>Make this pause a moment</source>
        <translation>Maak van deze pauze een moment</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="148"/>
        <location filename="../../ui/samenleergesprek/panel.py" line="259"/>
        <source>Next  ▶</source>
        <translation>Verder  ▶</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="150"/>
        <source>Next (Alt+Right)</source>
        <translation>Verder (Alt+Rechts)</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="255"/>
        <source>Make the learning summary…</source>
        <translation>Leerverslag maken…</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="256"/>
        <source>Summary…</source>
        <translation>Verslag…</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="257"/>
        <source>Make the learning summary</source>
        <translation>Maak het leerverslag</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="149"/>
        <location filename="../../ui/samenleergesprek/panel.py" line="260"/>
        <source>Next</source>
        <translation>Verder</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="220"/>
        <source>Moment {n} of {count}</source>
        <translation>Moment {n} van {count}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="318"/>
        <source>The library is in use by another program. The pause is saved as soon as the library is free.</source>
        <translation>Het gegevensbestand is in gebruik door een ander programma. De pauze wordt opgeslagen zodra het weer vrij is.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="326"/>
        <source>Make the pause of {name} a moment</source>
        <translation>Maak van de pauze van {name} een moment</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="345"/>
        <source>The pause is now a moment. Choose it in Step 1.</source>
        <translation>De pauze is nu een moment. Kies het in Stap 1.</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="353"/>
        <source>❚❚  Pause – {name}</source>
        <translation>❚❚  Pauze – {name}</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/panel.py" line="354"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  Pauze</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../ui/package_dialogs.py" line="60"/>
        <source>Share review (package)</source>
        <translation>Terugkijkgesprek delen (pakket)</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="61"/>
        <source>Include the recording</source>
        <translation>De opname ook meesturen</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="63"/>
        <source>The package holds the moments, gespreksbladen, the Samenleergesprek and the consent state.</source>
        <translation>In het pakket zitten de momenten, de gespreksbladen, het Samenleergesprek en de toestemming.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="65"/>
        <source>The recording may go along: the client consented to intervisie.</source>
        <translation>De opname mag mee: de cliënt gaf toestemming voor intervisie.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="67"/>
        <source>The recording cannot go along: there is no valid consent for intervisie.</source>
        <translation>De opname mag niet mee: er is geen geldige toestemming voor intervisie.</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="79"/>
        <source>Passphrase (optional):</source>
        <translation>Wachtwoord (als je wilt):</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="80"/>
        <source>Passphrase again:</source>
        <translation>Wachtwoord nog een keer:</translation>
    </message>
    <message>
        <location filename="../../ui/package_dialogs.py" line="92"/>
        <source>The two passphrases are not the same.</source>
        <translation>De twee wachtwoorden zijn niet hetzelfde.</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="42"/>
        <source>Share with team</source>
        <translation>Delen met team</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="46"/>
        <source>Intervisie (peer consultation)</source>
        <translation>Intervisie</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="47"/>
        <source>Training (exercise material)</source>
        <translation>Training (oefenmateriaal)</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="49"/>
        <source>Purpose:</source>
        <translation>Doel:</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="51"/>
        <source>What leaves this computer</source>
        <translation>Wat deze computer verlaat</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="53"/>
        <source>This leaves the computer:</source>
        <translation>Dit gaat van de computer af:</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="67"/>
        <source>The recording, encrypted with a new key.</source>
        <translation>De opname, versleuteld met een nieuwe sleutel.</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="68"/>
        <source>Title: {title}</source>
        <translation>Titel: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="69"/>
        <source>The parties by role only: {roles}</source>
        <translation>De deelnemers alleen met hun rol: {roles}</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="71"/>
        <source>{n} moment(s), with the names this library knows replaced.</source>
        <translation>Aantal momenten: {n}. Namen die dit gegevensbestand kent, zijn vervangen.</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="73"/>
        <source>What it did to each party (B) goes along.</source>
        <translation>Wat het met ieder deed (B) gaat mee.</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="74"/>
        <source>What it did to each party (B) stays here.</source>
        <translation>Wat het met ieder deed (B) blijft hier.</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="81"/>
        <source>You are not a professional in any team. Ask the team library&apos;s administrator to add you.</source>
        <translation>Je bent in geen enkel team professional. Vraag de beheerder van de teamopslag om je toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_dialog.py" line="106"/>
        <source>Shared with {team}. You can withdraw it at any time by withdrawing the consent.</source>
        <translation>Gedeeld met {team}. Je kunt het altijd terugnemen door de toestemming in te trekken.</translation>
    </message>
</context>
<context>
    <name>SharedPlayback</name>
    <message>
        <location filename="../../ui/team/playback.py" line="144"/>
        <source>This recording plays from the team&apos;s store and is meanwhile put on this computer ({percent} %). The sound band, clips and writing down what was said come once it is here.</source>
        <translation>Deze opname speelt af vanuit de map van het team en wordt intussen op deze computer gezet ({percent} %). De geluidsband, clips en het uitschrift kunnen pas als de opname hier staat.</translation>
    </message>
    <message>
        <location filename="../../ui/team/playback.py" line="185"/>
        <source>The recording is on this computer now: the sound band, clips and writing down what was said can be used.</source>
        <translation>De opname staat nu op deze computer: je kunt de geluidsband, clips en het uitschrift gebruiken.</translation>
    </message>
    <message>
        <location filename="../../ui/team/playback.py" line="196"/>
        <source>{problem} It keeps playing from the team&apos;s store.</source>
        <translation>{problem} De opname speelt gewoon verder vanuit de map van het team.</translation>
    </message>
    <message>
        <location filename="../../ui/team/playback.py" line="248"/>
        <source>“{title}” is no longer shared with you: the client&apos;s consent was withdrawn or its retention date has passed. Playing stopped and the recording was removed from this computer.</source>
        <translation>“{title}” is niet meer met je gedeeld: de cliënt heeft de toestemming ingetrokken of de afgesproken tijd om de opname te bewaren is voorbij. Het afspelen is gestopt en de opname is van deze computer verwijderd.</translation>
    </message>
    <message>
        <location filename="../../ui/team/playback.py" line="253"/>
        <source>No longer shared</source>
        <translation>Niet meer gedeeld</translation>
    </message>
</context>
<context>
    <name>SheetEditor</name>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="63"/>
        <source>Reflection sheet</source>
        <translation>Gespreksblad</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="83"/>
        <source>Mark a moment or choose one in the list to fill in its reflection sheet.</source>
        <translation>Markeer een moment, of kies er een in de lijst, om het gespreksblad in te vullen.</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="172"/>
        <source>Put the words from the recording here</source>
        <translation>Zet hier de woorden uit de opname</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="174"/>
        <source>Adds what was said at this moment to A; you can change it.</source>
        <translation>Zet wat er op dit moment gezegd is bij A. Je kunt het daarna aanpassen.</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="225"/>
        <source>The library is in use by another program. What you typed stays here and is saved as soon as the library is free.</source>
        <translation>Het gegevensbestand is in gebruik door een ander programma. Wat je typte blijft hier staan en wordt opgeslagen zodra het weer vrij is.</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="228"/>
        <source>What you typed stays here and is saved as soon as that works again.</source>
        <translation>Wat je hebt getypt blijft hier staan en wordt bewaard zodra dat weer lukt.</translation>
    </message>
</context>
<context>
    <name>SheetHeader</name>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="61"/>
        <location filename="../../ui/review/sheet_header.py" line="64"/>
        <source>Theme card</source>
        <translation>Themakaart</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="84"/>
        <source>A theme card is a subject to talk about. Each card has smaller subjects, each with a question. Choosing one is not required.</source>
        <translation>Een themakaart is een onderwerp om over te praten. Elke kaart heeft kleinere onderwerpen, elk met een vraag. Kiezen hoeft niet.</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="97"/>
        <source>Moment at {time}</source>
        <translation>Moment op {time}</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="102"/>
        <source>marked by {name}</source>
        <translation>gemarkeerd door {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="112"/>
        <source>No theme card</source>
        <translation>Geen themakaart</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="129"/>
        <source>Add your own sub-topic…</source>
        <translation>Eigen onderwerp toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="140"/>
        <source>Own sub-topic</source>
        <translation>Eigen onderwerp</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_header.py" line="141"/>
        <source>Name of the sub-topic:</source>
        <translation>Naam van het onderwerp:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="64"/>
        <source>Playback</source>
        <translation>Afspelen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="65"/>
        <source>Marking</source>
        <translation>Markeren</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="66"/>
        <source>Moving through the recording</source>
        <translation>Door de opname gaan</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="68"/>
        <source>Editing</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="69"/>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="89"/>
        <source>Hold K: one frame back / forward</source>
        <translation>K ingedrukt houden: één beeldje terug / verder</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="103"/>
        <source>Next / previous button or field</source>
        <translation>Volgende / vorige knop of veld</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="105"/>
        <source>Press the button that has the focus (Space plays and pauses only when no button, list or field has the focus)</source>
        <translation>Druk op de knop die de focus heeft (Spatie speelt en pauzeert alleen als geen knop, lijst of veld de focus heeft)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="109"/>
        <source>In the timeline: previous / next moment</source>
        <translation>In de tijdlijn: vorig / volgend moment</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="111"/>
        <source>In the timeline: open the moment</source>
        <translation>In de tijdlijn: open het moment</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="121"/>
        <source>Mark a moment for the first, second, … participant</source>
        <translation>Moment markeren voor de eerste, tweede, … deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="125"/>
        <source>Pause for the first, second, … participant</source>
        <translation>Pauze voor de eerste, tweede, … deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="129"/>
        <source>Mark a moment for {name}</source>
        <translation>Moment markeren voor {name}</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="133"/>
        <source>Pause for {name}</source>
        <translation>Pauze voor {name}</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="143"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="145"/>
        <source>Letter keys, digits, Space, Home and End work when you are not typing in a text field. In a text field they type as usual.</source>
        <translation>Letters, cijfers, de spatiebalk, Home en End werken als je niet in een tekstveld typt. In een tekstveld typ je gewoon.</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="162"/>
        <source>List of keys</source>
        <translation>Lijst van toetsen</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/start_page.py" line="58"/>
        <source>Look back together</source>
        <translation>Samen terugkijken</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="64"/>
        <source>Open the recording of a conversation. Watch it together, mark the moments that matter to you, and talk about them.</source>
        <translation>Open de opname van een gesprek. Kijk samen, markeer de momenten die voor jullie belangrijk zijn, en praat erover.</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="69"/>
        <source>Open recording…</source>
        <translation>Opname openen…</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="70"/>
        <source>Try the demo</source>
        <translation>Demo bekijken</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="79"/>
        <source>You can also drag a recording into this window.</source>
        <translation>Je kunt een opname ook naar dit venster slepen.</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="82"/>
        <location filename="../../ui/start_page.py" line="89"/>
        <source>Recent reviews</source>
        <translation>Recente terugkijkgesprekken</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="101"/>
        <source>recording not found</source>
        <translation>opname niet gevonden</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="102"/>
        <source>{title} — {n} moments — {date}</source>
        <translation>{title} — {n} momenten — {date}</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="109"/>
        <source>No reviews yet.</source>
        <translation>Nog geen terugkijkgesprekken.</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="32"/>
        <source>Agreements</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="33"/>
        <source>Step 1 · Choose</source>
        <translation>Stap 1 · Kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="33"/>
        <source>Step 1</source>
        <translation>Stap 1</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="34"/>
        <source>Step 2 · Talk</source>
        <translation>Stap 2 · Bespreken</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="34"/>
        <source>Step 2</source>
        <translation>Stap 2</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="35"/>
        <source>Step 3 · Close</source>
        <translation>Stap 3 · Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="35"/>
        <source>Step 3</source>
        <translation>Stap 3</translation>
    </message>
    <message>
        <location filename="../../ui/samenleergesprek/step_indicator.py" line="51"/>
        <source>current step</source>
        <translation>huidige stap</translation>
    </message>
</context>
<context>
    <name>Erasure</name>
    <message>
        <location filename="../../ui/privacy/erasure_task.py" line="38"/>
        <source>What was deleted is still in these backups, which could not be cleaned:
{names}

It is cleaned at the next purge or withdrawal; or delete those backups (File → Backups…).</source>
        <translation>Wat verwijderd is staat nog in deze reservekopieën, die niet opgeschoond konden worden:
{names}

Dat gebeurt alsnog bij de volgende keer verwijderen; of verwijder die reservekopieën zelf (Bestand → Reservekopieën…).</translation>
    </message>
    <message>
        <location filename="../../ui/privacy/erasure_task.py" line="42"/>
        <source>Backups not cleaned</source>
        <translation>Reservekopieën niet opgeschoond</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../../ui/team/consent_hook.py" line="42"/>
        <source>Team library</source>
        <translation>Teamopslag</translation>
    </message>
    <message>
        <location filename="../../ui/team/menu.py" line="22"/>
        <source>Share with team…</source>
        <translation>Delen met team…</translation>
    </message>
    <message>
        <location filename="../../ui/team/menu.py" line="24"/>
        <source>Shared with me…</source>
        <translation>Gedeeld met mij…</translation>
    </message>
    <message>
        <location filename="../../ui/team/menu.py" line="26"/>
        <source>Team library settings…</source>
        <translation>Instellingen teamopslag…</translation>
    </message>
    <message>
        <location filename="../../ui/team/menu.py" line="38"/>
        <source>Share with team</source>
        <translation>Delen met team</translation>
    </message>
    <message>
        <location filename="../../ui/team/menu.py" line="39"/>
        <source>Open a review first; then share it with your team.</source>
        <translation>Open eerst een terugkijkgesprek. Deel het daarna met je team.</translation>
    </message>
</context>
<context>
    <name>TeamSettingsDialog</name>
    <message>
        <location filename="../../ui/team/settings.py" line="49"/>
        <source>Team library settings</source>
        <translation>Instellingen teamopslag</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="54"/>
        <source>A folder on the network share</source>
        <translation>Een map op de netwerkschijf</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="56"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="62"/>
        <source>Address of the team library:</source>
        <translation>Adres van de teamopslag:</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="63"/>
        <source>Media folder:</source>
        <translation>Map voor opnames:</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="67"/>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="70"/>
        <source>Result of the connection test</source>
        <translation>Uitkomst van de verbindingstest</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="88"/>
        <source>{name} is set on this computer and is used.</source>
        <translation>{name} is op deze computer ingesteld en wordt gebruikt.</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="55"/>
        <location filename="../../ui/team/settings.py" line="93"/>
        <source>Media folder</source>
        <translation>Map voor opnames</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="108"/>
        <source>Testing the connection…</source>
        <translation>De verbinding wordt getest…</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="120"/>
        <source>All is well.</source>
        <translation>Alles is in orde.</translation>
    </message>
    <message>
        <location filename="../../ui/team/settings.py" line="121"/>
        <source>Something is not right yet; see the lines above.</source>
        <translation>Er klopt nog iets niet. Kijk bij de regels hierboven.</translation>
    </message>
</context>
<context>
    <name>TeamShareDialog</name>
    <message>
        <location filename="../../ui/team/share_base.py" line="43"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_base.py" line="45"/>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_base.py" line="51"/>
        <source>Share</source>
        <translation>Delen</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_base.py" line="89"/>
        <source>Connecting to the team library…</source>
        <translation>Verbinden met de teamopslag…</translation>
    </message>
    <message>
        <location filename="../../ui/team/share_base.py" line="130"/>
        <source>Encrypting and sharing…</source>
        <translation>Versleutelen en delen…</translation>
    </message>
</context>
<context>
    <name>TimelineAccessible</name>
    <message>
        <location filename="../../ui/timeline/accessible.py" line="52"/>
        <source>no theme yet</source>
        <translation>nog geen thema</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/accessible.py" line="56"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/accessible.py" line="60"/>
        <source>{start} to {end}</source>
        <translation>{start} tot {end}</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/marker_focus.py" line="88"/>
        <source>{now} of {total}</source>
        <translation>{now} van {total}</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/marker_focus.py" line="98"/>
        <source>Row of {name} (hidden)</source>
        <translation>Rij van {name} (verborgen)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/marker_focus.py" line="102"/>
        <source>Row of {name}: 1 moment</source>
        <translation>Rij van {name}: 1 moment</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/marker_focus.py" line="104"/>
        <source>Row of {name}: {n} moments</source>
        <translation>Rij van {name}: {n} momenten</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/marker_focus.py" line="112"/>
        <source>Position in the recording</source>
        <translation>Plek in de opname</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/marker_focus.py" line="116"/>
        <source>Return opens this moment. Up and down go to the previous or next one.</source>
        <translation>Enter opent dit moment. Pijl omhoog en omlaag gaan naar het vorige of volgende moment.</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../ui/timeline/panel.py" line="60"/>
        <source>Timeline with zoom buttons</source>
        <translation>Tijdlijn met zoomknoppen</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="61"/>
        <source>Scroll the timeline</source>
        <translation>Tijdlijn verschuiven</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="63"/>
        <source>Zoom out (−)</source>
        <translation>Uitzoomen (−)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="64"/>
        <source>Zoom in (+)</source>
        <translation>Inzoomen (+)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="66"/>
        <source>Show the whole recording (0)</source>
        <translation>Hele opname tonen (0)</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/timeline/canvas.py" line="440"/>
        <source>Audio</source>
        <translation>Geluid</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/canvas.py" line="441"/>
        <source>hidden: you see them after “Show the moments” in step 1</source>
        <translation>verborgen: jullie zien ze na “Laat de momenten zien” in stap 1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/view.py" line="63"/>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/view.py" line="66"/>
        <source>The recording over time, with one row of marked moments per person. Up and down go from moment to moment, Return opens it. Left and right arrow keys move the playhead by one second, plus and minus zoom, zero shows all.</source>
        <translation>De opname in de tijd, met een rij gemarkeerde momenten per persoon. Pijl omhoog en omlaag gaan van moment naar moment, Enter opent het. Pijl links en rechts zetten de video 1 seconde terug of verder, plus en min zoomen in en uit, nul laat de hele opname zien.</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/view.py" line="254"/>
        <source>Make this pause a moment</source>
        <translation>Maak van deze pauze een moment</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/view.py" line="263"/>
        <source>{name} paused here ({time})</source>
        <translation>{name} pauzeerde hier ({time})</translation>
    </message>
</context>
<context>
    <name>Transcriber</name>
    <message>
        <location filename="../../ui/review/transcribe_dialog.py" line="33"/>
        <source>Writing down what was said…</source>
        <translation>Bezig met uitschrijven wat er gezegd is…</translation>
    </message>
    <message>
        <location filename="../../ui/review/transcribe_dialog.py" line="33"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../../ui/review/transcribe_dialog.py" line="35"/>
        <source>Transcript</source>
        <translation>Uitgeschreven tekst</translation>
    </message>
</context>
<context>
    <name>TranscriptLane</name>
    <message>
        <location filename="../../ui/timeline/transcript_lane.py" line="38"/>
        <source>What was said</source>
        <translation>Wat er gezegd is</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/transcript_lane.py" line="39"/>
        <source>What was said. Click a word to go there; Left and Right move by sentence, Return goes to the start of the sentence.</source>
        <translation>Wat er gezegd is. Klik op een woord om daarheen te gaan. Links en Rechts gaan per zin, Enter gaat naar het begin van de zin.</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/transcript_lane.py" line="92"/>
        <source>Said</source>
        <translation>Gezegd</translation>
    </message>
</context>
<context>
    <name>TranscriptOffer</name>
    <message>
        <location filename="../../ui/review/transcript_offer.py" line="25"/>
        <source>Write down what was said? The computer can do it on this laptop, in a few minutes. You can go on working meanwhile.</source>
        <translation>Uitschrift maken? De computer kan opschrijven wat er gezegd is, op deze laptop zelf. Dat duurt een paar minuten. Je kunt intussen gewoon verder werken.</translation>
    </message>
    <message>
        <location filename="../../ui/review/transcript_offer.py" line="29"/>
        <source>Yes, write it down</source>
        <translation>Ja, maak een uitschrift</translation>
    </message>
    <message>
        <location filename="../../ui/review/transcript_offer.py" line="30"/>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
    <message>
        <location filename="../../ui/review/transcript_offer.py" line="31"/>
        <source>Never ask again</source>
        <translation>Nooit meer vragen</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../ui/review/transport.py" line="38"/>
        <source>Position</source>
        <translation>Positie</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="47"/>
        <location filename="../../ui/review/transport.py" line="51"/>
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="64"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="91"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="91"/>
        <source>Play</source>
        <translation>Afspelen</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="44"/>
        <source>Mark moment</source>
        <translation>Moment markeren</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="66"/>
        <source>Delete moment</source>
        <translation>Moment verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="85"/>
        <source>Move moment</source>
        <translation>Moment verplaatsen</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="112"/>
        <source>Choose theme card</source>
        <translation>Themakaart kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="133"/>
        <source>Choose feelings</source>
        <translation>Gevoelens kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="154"/>
        <source>Edit reflection sheet</source>
        <translation>Gespreksblad bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="186"/>
        <source>Make the pause a moment</source>
        <translation>Moment maken van pauze</translation>
    </message>
</context>
<context>
    <name>VoicesDialog</name>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="48"/>
        <source>Who is who</source>
        <translation>Wie is wie</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="51"/>
        <source>The computer heard two voices. Say who is who. Then the names are used instead of “Voice 1” and “Voice 2”.</source>
        <translation>De computer hoorde twee stemmen. Zeg wie wie is. Dan staan de namen er voortaan in plaats van “Stem 1” en “Stem 2”.</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="63"/>
        <source>First heard at %1: “%2”</source>
        <translation>Eerst gehoord op %1: “%2”</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="65"/>
        <source>This voice was not heard.</source>
        <translation>Deze stem is niet gehoord.</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="66"/>
        <source>Voice %1</source>
        <translation>Stem %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="72"/>
        <source>Who is voice %1?</source>
        <translation>Wie is stem %1?</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="73"/>
        <source>Not chosen</source>
        <translation>Nog niet gekozen</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="76"/>
        <source>the client</source>
        <translation>de cliënt</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="77"/>
        <source>the professional</source>
        <translation>de professional</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="80"/>
        <source>Someone else</source>
        <translation>Iemand anders</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="84"/>
        <source>Listen</source>
        <translation>Luister</translation>
    </message>
    <message>
        <location filename="../../ui/review/voices_dialog.py" line="111"/>
        <source>Saved.</source>
        <translation>Bewaard.</translation>
    </message>
</context>
<context>
    <name>WhoseMarkBox</name>
    <message>
        <location filename="../../ui/review/hidden_mark_undo.py" line="72"/>
        <source>Whose mark?</source>
        <translation>Wiens markering?</translation>
    </message>
    <message>
        <location filename="../../ui/review/hidden_mark_undo.py" line="74"/>
        <source>Whose last mark do you want to bring back?</source>
        <translation>Van wie wil je de laatste markering weer terughalen?</translation>
    </message>
    <message>
        <location filename="../../ui/review/hidden_mark_undo.py" line="75"/>
        <source>Bring back the last mark of {name}</source>
        <translation>Zet de laatste markering van {name} terug</translation>
    </message>
    <message>
        <location filename="../../ui/review/hidden_mark_undo.py" line="77"/>
        <source>Whose last mark do you want to take back?</source>
        <translation>Wiens laatste markering wil je terugnemen?</translation>
    </message>
    <message>
        <location filename="../../ui/review/hidden_mark_undo.py" line="78"/>
        <source>Take back the last mark of {name}</source>
        <translation>Neem de laatste markering van {name} terug</translation>
    </message>
    <message>
        <location filename="../../ui/review/hidden_mark_undo.py" line="79"/>
        <source>Only that person&apos;s mark changes. Nobody sees where it was.</source>
        <translation>Alleen de markering van die persoon verandert. Niemand ziet waar die stond.</translation>
    </message>
</context>
</TS>
