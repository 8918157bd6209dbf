<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="48" />
        <source>&amp;Open recording…</source>
        <translation>Opname &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49" />
        <source>&amp;Locate recording…</source>
        <translation>Opname &amp;zoeken…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="50" />
        <source>&amp;New review of this recording</source>
        <translation>&amp;Nieuwe terugkijksessie van deze opname</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51" />
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52" />
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53" />
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54" />
        <source>&amp;Delete moment</source>
        <translation>Moment &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="55" />
        <source>&amp;Names of the participants…</source>
        <translation>&amp;Namen van de deelnemers…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="56" />
        <source>&amp;Add participant (e.g. interpreter)…</source>
        <translation>Deelnemer &amp;toevoegen (bijv. tolk)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="57" />
        <source>Play / pause</source>
        <translation>Afspelen / pauzeren</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="58" />
        <source>Back 5 seconds</source>
        <translation>5 seconden terug</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="59" />
        <source>Forward 5 seconds</source>
        <translation>5 seconden vooruit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="60" />
        <source>Previous frame</source>
        <translation>Vorig beeldje</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="61" />
        <source>Next frame</source>
        <translation>Volgend beeldje</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="62" />
        <source>Slower</source>
        <translation>Langzamer</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="63" />
        <source>Faster</source>
        <translation>Sneller</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="64" />
        <source>Repeat the selected moment</source>
        <translation>Gekozen moment herhalen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="65" />
        <source>Pause when marking</source>
        <translation>Pauzeren bij markeren</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="66" />
        <source>Previous moment</source>
        <translation>Vorig moment</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="67" />
        <source>Next moment</source>
        <translation>Volgend moment</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="68" />
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="69" />
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="70" />
        <source>Whole recording</source>
        <translation>Hele opname</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="73" />
        <source>&amp;About vsr</source>
        <translation>&amp;Over vsr</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="21" />
        <source>Recordings ({patterns})</source>
        <translation>Opnames ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="22" />
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="40" />
        <source>The file could not be read or written{where}: {reason}</source>
        <translation>Het bestand kon niet worden gelezen of geschreven{where}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="43" />
        <source>Something unexpected went wrong. Nothing you saved was lost. Details: {detail}</source>
        <translation>Er ging iets onverwachts mis. Wat u hebt opgeslagen, is niet verloren. Details: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48" />
        <source>vsr</source>
        <translation>vsr</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>Recent reviews</source>
        <translation>Recente terugkijksessies</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>&amp;Edit</source>
        <translation>B&amp;ewerken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84" />
        <source>&amp;Playback</source>
        <translation>&amp;Afspelen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>No reviews yet.</source>
        <translation>Nog geen terugkijksessies.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>Open recording</source>
        <translation>Opname openen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Making the demo recording…</source>
        <translation>De demo-opname wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>New review</source>
        <translation>Nieuwe terugkijksessie</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208" />
        <source>Add participant</source>
        <translation>Deelnemer toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209" />
        <source>Name (for example: interpreter):</source>
        <translation>Naam (bijvoorbeeld: tolk):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>About vsr</source>
        <translation>Over vsr</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>&lt;b&gt;vsr {version}&lt;/b&gt;&lt;p&gt;Video-stimulated recall for the Samenleergesprek: look back together at a recorded conversation and learn from it.&lt;/p&gt;&lt;p&gt;Method: Samenleerwijzer (Lengkeek &amp;amp; van Hal, HAN, 2021).&lt;/p&gt;</source>
        <translation>&lt;b&gt;vsr {version}&lt;/b&gt;&lt;p&gt;Samen terugkijken voor het Samenleergesprek: bekijk samen een opgenomen gesprek en leer ervan.&lt;/p&gt;&lt;p&gt;Methode: Samenleerwijzer (Lengkeek &amp;amp; van Hal, HAN, 2021).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MarkButtons</name>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="43" />
        <source>Mark: {name}</source>
        <translation>Markeer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="47" />
        <source>Mark this moment for {name} (key {n}, or Ctrl+{n})</source>
        <translation>Markeer dit moment voor {name} (toets {n}, of Ctrl+{n})</translation>
    </message>
    <message>
        <location filename="../../ui/review/mark_buttons.py" line="49" />
        <source>Mark moment for {name}</source>
        <translation>Moment markeren voor {name}</translation>
    </message>
</context>
<context>
    <name>MarkerListPanel</name>
    <message>
        <location filename="../../ui/review/marker_list.py" line="98" />
        <location filename="../../ui/review/marker_list.py" line="119" />
        <source>Marked moments</source>
        <translation>Gemarkeerde momenten</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="105" />
        <source>Show moments of</source>
        <translation>Toon momenten van</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="133" />
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
</context>
<context>
    <name>MarkerTableModel</name>
    <message>
        <location filename="../../ui/review/marker_list.py" line="46" />
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="46" />
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="46" />
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../ui/review/marker_list.py" line="46" />
        <source>What happened</source>
        <translation>Wat gebeurde er</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../ui/player/unavailable.py" line="16" />
        <source>Install VLC media player 3 (64-bit) from https://www.videolan.org and start this program again.</source>
        <translation>Installeer VLC media player 3 (64-bit) van https://www.videolan.org en start dit programma opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="22" />
        <source>Install VLC media player 3 from https://www.videolan.org in Applications and start this program again.</source>
        <translation>Installeer VLC media player 3 van https://www.videolan.org in Programma's en start dit programma opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="28" />
        <source>Install VLC and start this program again. On Debian or Ubuntu: sudo apt-get install vlc (or only the packages libvlc5, vlc-plugin-base and vlc-plugin-video-output).</source>
        <translation>Installeer VLC en start dit programma opnieuw. Op Debian of Ubuntu: sudo apt-get install vlc (of alleen de pakketten libvlc5, vlc-plugin-base en vlc-plugin-video-output).</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="35" />
        <source>Recordings cannot be played: the VLC media player is missing.</source>
        <translation>Opnames kunnen niet worden afgespeeld: VLC media player ontbreekt.</translation>
    </message>
    <message>
        <location filename="../../ui/player/unavailable.py" line="42" />
        <source>(Technical detail: {detail})</source>
        <translation>(Technische informatie: {detail})</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="329" />
        <source>Opening {path} takes too long. The file may be damaged, or the drive it is on is slow or disconnected.</source>
        <translation>Het openen van {path} duurt te lang. Misschien is het bestand beschadigd, of is de schijf traag of niet aangesloten.</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="347" />
        <source>Playing {path} stopped at {at} of {total}: the file seems damaged or incomplete.</source>
        <translation>Het afspelen van {path} stopte bij {at} van {total}: het bestand lijkt beschadigd of onvolledig.</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="364" />
        <source>The file {path} cannot be played: no video or sound could be read from it. The file may be damaged or of a kind that cannot be played.</source>
        <translation>Het bestand {path} kan niet worden afgespeeld: er is geen beeld of geluid uit te lezen. Misschien is het bestand beschadigd of van een soort die niet kan worden afgespeeld.</translation>
    </message>
    <message>
        <location filename="../../ui/player/vlc_player.py" line="372" />
        <source>The file {path} does not exist or cannot be read. Was it moved or renamed?</source>
        <translation>Het bestand {path} bestaat niet of kan niet worden gelezen. Is het verplaatst of hernoemd?</translation>
    </message>
</context>
<context>
    <name>MissingRecordingBanner</name>
    <message>
        <location filename="../../ui/review/missing_banner.py" line="22" />
        <source>Locate recording…</source>
        <translation>Opname zoeken…</translation>
    </message>
</context>
<context>
    <name>PartyNamesDialog</name>
    <message>
        <location filename="../../ui/party_dialog.py" line="14" />
        <source>Names of the participants</source>
        <translation>Namen van de deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/party_dialog.py" line="21" />
        <source>Name of participant {n}</source>
        <translation>Naam van deelnemer {n}</translation>
    </message>
    <message>
        <location filename="../../ui/party_dialog.py" line="22" />
        <source>Participant {n}</source>
        <translation>Deelnemer {n}</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/review/review_view.py" line="164" />
        <source>Where is the recording “{title}”?</source>
        <translation>Waar staat de opname ‘{title}’?</translation>
    </message>
</context>
<context>
    <name>SheetEditor</name>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="63" />
        <source>Reflection sheet</source>
        <translation>Gespreksblad</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="80" />
        <source>Mark a moment or choose one in the list to fill in its reflection sheet.</source>
        <translation>Markeer een moment, of kies er een in de lijst, om het gespreksblad in te vullen.</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="125" />
        <source>Moment at {time}</source>
        <translation>Moment op {time}</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="136" />
        <source>marked by {name}</source>
        <translation>gemarkeerd door {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="139" />
        <source>Theme card</source>
        <translation>Themakaart</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="150" />
        <source>No theme card</source>
        <translation>Geen themakaart</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="158" />
        <source>Add your own sub-topic…</source>
        <translation>Eigen onderwerp toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="167" />
        <source>Own sub-topic</source>
        <translation>Eigen onderwerp</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="168" />
        <source>Name of the sub-topic:</source>
        <translation>Naam van het onderwerp:</translation>
    </message>
    <message>
        <location filename="../../ui/review/sheet_editor.py" line="198" />
        <source>Type here…</source>
        <translation>Typ hier…</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/start_page.py" line="25" />
        <source>Look back together</source>
        <translation>Samen terugkijken</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="31" />
        <source>Open the recording of a conversation. Watch it together, mark the moments that matter to you, and talk about them.</source>
        <translation>Open de opname van een gesprek. Kijk samen, markeer de momenten die voor u belangrijk zijn, en praat erover.</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="36" />
        <source>Open recording…</source>
        <translation>Opname openen…</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="37" />
        <source>Try the demo</source>
        <translation>Demo bekijken</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="46" />
        <source>You can also drag a recording into this window.</source>
        <translation>U kunt een opname ook naar dit venster slepen.</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="49" />
        <location filename="../../ui/start_page.py" line="56" />
        <source>Recent reviews</source>
        <translation>Recente terugkijksessies</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="66" />
        <source>recording not found</source>
        <translation>opname niet gevonden</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="67" />
        <source>{title} — {n} moments — {date}</source>
        <translation>{title} — {n} momenten — {date}</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="74" />
        <source>No reviews yet.</source>
        <translation>Nog geen terugkijksessies.</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../ui/timeline/panel.py" line="59" />
        <source>Timeline with zoom buttons</source>
        <translation>Tijdlijn met zoomknoppen</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="60" />
        <source>Scroll the timeline</source>
        <translation>Tijdlijn verschuiven</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="62" />
        <source>Zoom out (−)</source>
        <translation>Uitzoomen (−)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="63" />
        <source>Zoom in (+)</source>
        <translation>Inzoomen (+)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panel.py" line="65" />
        <source>Show the whole recording (0)</source>
        <translation>Hele opname tonen (0)</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/timeline/canvas.py" line="354" />
        <source>Audio</source>
        <translation>Geluid</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/canvas.py" line="355" />
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/view.py" line="45" />
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/view.py" line="48" />
        <source>The recording over time, with one row of marked moments per person. Left and right arrow keys move the playhead by one second, plus and minus zoom, zero shows all.</source>
        <translation>De opname in de tijd, met een rij gemarkeerde momenten per persoon. De pijltjes links en rechts verplaatsen de afspeelpositie een seconde, plus en min zoomen, nul toont alles.</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../ui/review/transport.py" line="36" />
        <source>Position</source>
        <translation>Positie</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="42" />
        <location filename="../../ui/review/transport.py" line="44" />
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="57" />
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="73" />
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../ui/review/transport.py" line="73" />
        <source>Play</source>
        <translation>Afspelen</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="22" />
        <source>Mark moment</source>
        <translation>Moment markeren</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="44" />
        <source>Delete moment</source>
        <translation>Moment verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="61" />
        <source>Move moment</source>
        <translation>Moment verplaatsen</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="86" />
        <source>Choose theme card</source>
        <translation>Themakaart kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/review/undo_commands.py" line="105" />
        <source>Edit reflection sheet</source>
        <translation>Gespreksblad bewerken</translation>
    </message>
</context>
</TS>