<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not chosen yet</source>
        <translation>noch nicht gewählt</translation>
    </message>
    <message>
        <source>Read a song&apos;s lyrics beside an article about it, and highlight and annotate both. Offline: your library is one SQLite file.</source>
        <translation>Lesen Sie den Liedtext eines Liedes neben einem Artikel darüber, und markieren und kommentieren Sie beides. Offline: Ihre Bibliothek ist eine einzige SQLite-Datei.</translation>
    </message>
    <message>
        <source>in memory (nothing is saved)</source>
        <translation>im Arbeitsspeicher (nichts wird gespeichert)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>not kept in this run</source>
        <translation>in dieser Sitzung nicht gespeichert</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>About lyricpad</source>
        <translation>Über lyricpad</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy these details, to paste them into a bug report</source>
        <translation>Diese Details kopieren, um sie in einen Fehlerbericht einzufügen</translation>
    </message>
    <message>
        <source>lyricpad&apos;s icon</source>
        <translation>Das Symbol von lyricpad</translation>
    </message>
    <message>
        <source>Details copied to the clipboard.</source>
        <translation>Details in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>AnnotatingPage</name>
    <message>
        <source>Default lens</source>
        <translation>Standardlinse</translation>
    </message>
    <message>
        <source>The first lens</source>
        <translation>Die erste Linse</translation>
    </message>
    <message>
        <source>Default &amp;lens:</source>
        <translation>Standard&amp;linse:</translation>
    </message>
    <message>
        <source>Highlight with Last Lens (Ctrl+H) uses this lens until you highlight with another one. If the lens is deleted, the first lens is used.</source>
        <translation>„Mit letzter Linse markieren“ (Strg+H) verwendet diese Linse, bis Sie mit einer anderen markieren. Wird die Linse gelöscht, wird die erste Linse verwendet.</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>No note</source>
        <translation>Keine Notiz</translation>
    </message>
</context>
<context>
    <name>AnnotationEdits</name>
    <message>
        <source>Highlight</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>Markierung löschen</translation>
    </message>
    <message>
        <source>Restore Highlight</source>
        <translation>Markierung wiederherstellen</translation>
    </message>
    <message>
        <source>Accept Proposed Place</source>
        <translation>Vorgeschlagene Stelle übernehmen</translation>
    </message>
    <message>
        <source>Move Highlight</source>
        <translation>Markierung verschieben</translation>
    </message>
    <message>
        <source>Change Lens</source>
        <translation>Linse ändern</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <source>Note on “{quote}” ({song})</source>
        <translation>Notiz zu „{quote}“ ({song})</translation>
    </message>
    <message>
        <source>Note of the highlight {id}</source>
        <translation>Notiz der Markierung {id}</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
</context>
<context>
    <name>AnnotationFilterBar</name>
    <message>
        <source>Filter quotes, notes, #tags ({shortcut})</source>
        <translation>Zitate, Notizen, #Schlagwörter filtern ({shortcut})</translation>
    </message>
    <message>
        <source>Filter annotations by text</source>
        <translation>Anmerkungen nach Text filtern</translation>
    </message>
    <message>
        <source>Shows the annotations whose quote, note or tags hold every word typed (the start of a word is enough; &quot;words in quotes&quot; in a row), case and accents ignored. Esc clears.</source>
        <translation>Zeigt die Anmerkungen, deren Zitat, Notiz oder Schlagwörter jedes eingegebene Wort enthalten (der Wortanfang genügt; &quot;Wörter in Anführungszeichen&quot; direkt hintereinander), ohne Rücksicht auf Groß-/Kleinschreibung und Akzente. Esc leert das Feld.</translation>
    </message>
    <message>
        <source>Filter annotations by lens</source>
        <translation>Anmerkungen nach Linse filtern</translation>
    </message>
    <message>
        <source>Filter annotations by tag</source>
        <translation>Anmerkungen nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
    <message>
        <source>Show quotations of the lyrics</source>
        <translation>Zitate aus dem Liedtext anzeigen</translation>
    </message>
    <message>
        <source>List the articles&apos; quotations linked to the lyric lines they quote</source>
        <translation>Die Zitate der Artikel auflisten, verknüpft mit den zitierten Liedtextzeilen</translation>
    </message>
    <message>
        <source>Annotations shown</source>
        <translation>Angezeigte Anmerkungen</translation>
    </message>
    <message>
        <source>All lenses</source>
        <translation>Alle Linsen</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} von {total}</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n annotation(s) shown (the trash not counted)</source>
        <translation>
            <numerusform>{shown} von %n Anmerkung angezeigt (Papierkorb nicht mitgezählt)</numerusform>
            <numerusform>{shown} von %n Anmerkungen angezeigt (Papierkorb nicht mitgezählt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n quotation(s) shown</source>
        <translation>
            <numerusform>{shown} von %n Zitat angezeigt</numerusform>
            <numerusform>{shown} von %n Zitaten angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationModel</name>
    <message>
        <source>needs review</source>
        <translation>zu prüfen</translation>
    </message>
    <message>
        <source>orphaned</source>
        <translation>verwaist</translation>
    </message>
    <message>
        <source>Needs review: the text was edited; check that this highlight still covers the right words.</source>
        <translation>Zu prüfen: Der Text wurde bearbeitet; prüfen Sie, ob diese Markierung noch die richtigen Wörter umfasst.</translation>
    </message>
    <message>
        <source>Orphaned: the highlighted words are gone from the text; the note is kept.</source>
        <translation>Verwaist: Die markierten Wörter sind nicht mehr im Text; die Notiz bleibt erhalten.</translation>
    </message>
    <message>
        <source>Highlights whose text was edited or is gone: check each one.</source>
        <translation>Markierungen, deren Text bearbeitet wurde oder fehlt: Prüfen Sie jede einzelne.</translation>
    </message>
    <message>
        <source>Deleted highlights of this song: Del or Ctrl+Shift+R on one restores it.</source>
        <translation>Gelöschte Markierungen dieses Liedes: Entf oder Strg+Umschalt+R stellt die gewählte wieder her.</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>ohne Titel</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>Liedtext</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Article: {title}</source>
        <translation>Artikel: {title}</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message numerus="yes">
        <source>{group}, %n annotation(s)</source>
        <translation>
            <numerusform>{group}, %n Anmerkung</numerusform>
            <numerusform>{group}, %n Anmerkungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No lens</source>
        <translation>Keine Linse</translation>
    </message>
    <message>
        <source>{lens}: {quote}.</source>
        <translation>{lens}: {quote}.</translation>
    </message>
    <message>
        <source>Tags: {tags}.</source>
        <translation>Schlagwörter: {tags}.</translation>
    </message>
    <message>
        <source>Needs review.</source>
        <translation>Zu prüfen.</translation>
    </message>
    <message>
        <source>Orphaned.</source>
        <translation>Verwaist.</translation>
    </message>
    <message>
        <source>In trash.</source>
        <translation>Im Papierkorb.</translation>
    </message>
</context>
<context>
    <name>AnnotationsListing</name>
    <message>
        <source>No lens</source>
        <translation>Keine Linse</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n Stelle</numerusform>
            <numerusform>%n Stellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>No annotations on this song yet.

Select words in the lyrics or the article and highlight them with a lens.</source>
        <translation>Zu diesem Lied gibt es noch keine Anmerkungen.

Wählen Sie Wörter im Liedtext oder im Artikel aus und markieren Sie sie mit einer Linse.</translation>
    </message>
    <message>
        <source>No song is open.</source>
        <translation>Kein Lied geöffnet.</translation>
    </message>
    <message>
        <source>No annotation matches the filters.

Esc in the filter box clears the text.</source>
        <translation>Keine Anmerkung entspricht den Filtern.

Esc im Filterfeld leert den Text.</translation>
    </message>
    <message>
        <source>No article quotes the lyrics yet.

Select a quotation in the article and lines in the lyrics, then Link to Lyrics Lines.</source>
        <translation>Noch kein Artikel zitiert den Liedtext.

Wählen Sie ein Zitat im Artikel und Zeilen im Liedtext aus, dann „Mit Liedtextzeilen verknüpfen“.</translation>
    </message>
    <message>
        <source>No quotation matches the filter.</source>
        <translation>Kein Zitat entspricht dem Filter.</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>&amp;Filter Annotations</source>
        <translation>Anmerkungen &amp;filtern</translation>
    </message>
    <message>
        <source>Annotation actions</source>
        <translation>Aktionen für Anmerkungen</translation>
    </message>
</context>
<context>
    <name>AnnotationsView</name>
    <message>
        <source>Annotations list</source>
        <translation>Anmerkungsliste</translation>
    </message>
    <message>
        <source>Space: go to the passage. Enter: edit the note. Delete: move to the trash, or restore from it.</source>
        <translation>Leertaste: zur Stelle springen. Enter: Notiz bearbeiten. Entf: in den Papierkorb verschieben oder daraus wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>This article is empty: press Edit to write it.</source>
        <translation>Dieser Artikel ist leer: Klicken Sie auf „Bearbeiten“, um ihn zu schreiben.</translation>
    </message>
    <message>
        <source>Article menu</source>
        <translation>Artikelmenü</translation>
    </message>
    <message>
        <source>Unlink “{quote}” from Lyrics</source>
        <translation>Verknüpfung von „{quote}“ mit dem Liedtext aufheben</translation>
    </message>
    <message>
        <source>This is not a quotation of the lyrics: stop linking it (Ctrl+Z undoes)</source>
        <translation>Dies ist kein Zitat aus dem Liedtext: Verknüpfung aufheben (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>Markierung löschen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>Link to &lt;b&gt;{href}&lt;/b&gt;&lt;br&gt;&lt;small&gt;Links are not opened from lyricpad.&lt;/small&gt;</source>
        <translation>Link zu &lt;b&gt;{href}&lt;/b&gt;&lt;br&gt;&lt;small&gt;lyricpad öffnet keine Links.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Image &lt;b&gt;{source}&lt;/b&gt;&lt;br&gt;&lt;small&gt;Images are not loaded; this is its description.&lt;/small&gt;</source>
        <translation>Bild &lt;b&gt;{source}&lt;/b&gt;&lt;br&gt;&lt;small&gt;Bilder werden nicht geladen; dies ist die Bildbeschreibung.&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>ArticleEdits</name>
    <message>
        <source>New Article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>Rename Article</source>
        <translation>Artikel umbenennen</translation>
    </message>
    <message>
        <source>Edit Article</source>
        <translation>Artikel bearbeiten</translation>
    </message>
    <message>
        <source>The article {id}</source>
        <translation>Der Artikel {id}</translation>
    </message>
    <message>
        <source>Title of the article {id}</source>
        <translation>Titel des Artikels {id}</translation>
    </message>
    <message>
        <source>The article “{title}” of {song}</source>
        <translation>Der Artikel „{title}“ zu {song}</translation>
    </message>
    <message>
        <source>Title of the article “{title}” of {song}</source>
        <translation>Titel des Artikels „{title}“ zu {song}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>ohne Titel</translation>
    </message>
    <message>
        <source>Delete Article</source>
        <translation>Artikel löschen</translation>
    </message>
</context>
<context>
    <name>ArticleEmptyPage</name>
    <message>
        <source>Start an article: draft your analysis here</source>
        <translation>Beginnen Sie einen Artikel: Entwerfen Sie hier Ihre Analyse</translation>
    </message>
    <message>
        <source>No article</source>
        <translation>Kein Artikel</translation>
    </message>
    <message>
        <source>No article yet</source>
        <translation>Noch kein Artikel</translation>
    </message>
    <message>
        <source>New Article</source>
        <translation>Neuer Artikel</translation>
    </message>
</context>
<context>
    <name>ArticleHeading</name>
    <message>
        <source>Article heading</source>
        <translation>Artikelüberschrift</translation>
    </message>
</context>
<context>
    <name>ArticlePane</name>
    <message>
        <source>Editing the Markdown source · saved as you type</source>
        <translation>Bearbeitung der Markdown-Quelle · wird beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>Article pane</source>
        <translation>Artikelbereich</translation>
    </message>
    <message>
        <source>Edit Article</source>
        <translation>Artikel bearbeiten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit the article&apos;s Markdown source</source>
        <translation>Die Markdown-Quelle des Artikels bearbeiten</translation>
    </message>
    <message>
        <source>New Article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Start a new, blank article for this song</source>
        <translation>Einen neuen, leeren Artikel für dieses Lied beginnen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Back to the rendered article</source>
        <translation>Zurück zum dargestellten Artikel</translation>
    </message>
    <message>
        <source>by {author}</source>
        <translation>von {author}</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artikel ohne Titel</translation>
    </message>
</context>
<context>
    <name>ArticleSourceEdit</name>
    <message>
        <source>Article Markdown source</source>
        <translation>Markdown-Quelle des Artikels</translation>
    </message>
    <message>
        <source>Write in Markdown: # a heading, *emphasis*, **strong**, &gt; a quote, - a list</source>
        <translation>In Markdown schreiben: # Überschrift, *Hervorhebung*, **fett**, &gt; Zitat, - Liste</translation>
    </message>
</context>
<context>
    <name>ArticleSourceEditor</name>
    <message>
        <source>Article title</source>
        <translation>Artikeltitel</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
</context>
<context>
    <name>ArticleTabs</name>
    <message>
        <source>Next Article</source>
        <translation>Nächster Artikel</translation>
    </message>
    <message>
        <source>Previous Article</source>
        <translation>Vorheriger Artikel</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artikel ohne Titel</translation>
    </message>
    <message>
        <source>{title}, article {number} of {count}</source>
        <translation>{title}, Artikel {number} von {count}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>(no folder: the library is in memory)</source>
        <translation>(kein Ordner: Die Bibliothek liegt im Arbeitsspeicher)</translation>
    </message>
    <message numerus="yes">
        <source>lyricpad backs the library up before an upgrade, when you quit, and every %n minute(s) while you work; it keeps the newest few and one a day. They are in {folder}.</source>
        <translation>
            <numerusform>lyricpad sichert die Bibliothek vor einer Aktualisierung, beim Beenden und während der Arbeit im Abstand von %n Minute; aufbewahrt werden die neuesten paar Sicherungen und eine pro Tag. Sie liegen in {folder}.</numerusform>
            <numerusform>lyricpad sichert die Bibliothek vor einer Aktualisierung, beim Beenden und während der Arbeit im Abstand von %n Minuten; aufbewahrt werden die neuesten paar Sicherungen und eine pro Tag. Sie liegen in {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backups list</source>
        <translation>Liste der Sicherungen</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace everything in the library with the backup {name}?

The library as it is now is backed up first, so this can be undone by restoring that backup.</source>
        <translation>Den gesamten Inhalt der Bibliothek durch die Sicherung {name} ersetzen?

Die Bibliothek in ihrem jetzigen Zustand wird zuvor gesichert; Sie können dies also rückgängig machen, indem Sie diese Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <source>The library was restored from {backup}. The state before is kept as {safety}.</source>
        <translation>Die Bibliothek wurde aus {backup} wiederhergestellt. Der vorherige Zustand ist als {safety} gesichert.</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check Library</source>
        <translation>Bibliothek prüfen</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Fortschritt der Prüfung</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>Prüfbericht</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>&amp;Reparieren</translation>
    </message>
    <message>
        <source>Repair what can be repaired; the library is backed up first</source>
        <translation>Reparieren, was sich reparieren lässt; die Bibliothek wird zuvor gesichert</translation>
    </message>
    <message>
        <source>Checking the library…</source>
        <translation>Bibliothek wird geprüft…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Die Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Checked again: {headline}</source>
        <translation>Erneut geprüft: {headline}</translation>
    </message>
    <message>
        <source>The library could not be checked: {message}</source>
        <translation>Die Bibliothek konnte nicht geprüft werden: {message}</translation>
    </message>
    <message>
        <source>The library was not repaired.</source>
        <translation>Die Bibliothek wurde nicht repariert.</translation>
    </message>
</context>
<context>
    <name>ColoursPage</name>
    <message>
        <source>Sample of the light palette&apos;s style</source>
        <translation>Beispiel des Stils für helle Farbschemata</translation>
    </message>
    <message>
        <source>Sample of the dark palette&apos;s style</source>
        <translation>Beispiel des Stils für dunkle Farbschemata</translation>
    </message>
    <message>
        <source>Style on a light palette</source>
        <translation>Stil bei heller Farbpalette</translation>
    </message>
    <message>
        <source>Style on a dark palette</source>
        <translation>Stil bei dunkler Farbpalette</translation>
    </message>
    <message>
        <source>&amp;Light palette:</source>
        <translation>&amp;Helle Palette:</translation>
    </message>
    <message>
        <source>&amp;Dark palette:</source>
        <translation>&amp;Dunkle Palette:</translation>
    </message>
    <message>
        <source>The style in use follows the system&apos;s palette: light or dark.</source>
        <translation>Der verwendete Stil richtet sich nach der Farbpalette des Systems: hell oder dunkel.</translation>
    </message>
</context>
<context>
    <name>DamageWatch</name>
    <message>
        <source>The library could not be checked: {message}</source>
        <translation>Die Bibliothek konnte nicht geprüft werden: {message}</translation>
    </message>
    <message>
        <source>{damage}; lyricpad no longer saves changes to it (quit and open it again to restore a backup or salvage it, or use File &gt; Check Library)</source>
        <translation>{damage}; lyricpad speichert keine Änderungen mehr darin (beenden Sie lyricpad und öffnen Sie es erneut, um eine Sicherung wiederherzustellen oder die Daten zu retten, oder verwenden Sie Datei &gt; Bibliothek prüfen)</translation>
    </message>
    <message>
        <source>The search index could not be checked: {message}</source>
        <translation>Der Suchindex konnte nicht geprüft werden: {message}</translation>
    </message>
    <message>
        <source>That did not work: {reason}</source>
        <translation>Das hat nicht funktioniert: {reason}</translation>
    </message>
</context>
<context>
    <name>DamagedLibraryDialog</name>
    <message>
        <source>lyricpad — the library is damaged</source>
        <translation>lyricpad — die Bibliothek ist beschädigt</translation>
    </message>
    <message>
        <source>lyricpad — the library cannot be opened</source>
        <translation>lyricpad — die Bibliothek kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&lt;b&gt;The library {name} is damaged.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die Bibliothek {name} ist beschädigt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The library {name} cannot be opened.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die Bibliothek {name} kann nicht geöffnet werden.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>lyricpad found this while checking the library in the background, and saves nothing to it any more: it has not changed it. Choose what to do: the window closes, does it and opens the library again; the damaged file is kept beside the library with “-damaged-” in its name. Or keep reading it as it is (read-only).</source>
        <translation>lyricpad hat dies bei der Prüfung der Bibliothek im Hintergrund festgestellt und speichert nichts mehr darin; verändert wurde sie nicht. Wählen Sie, was geschehen soll: Das Fenster schließt sich, führt Ihre Wahl aus und öffnet die Bibliothek erneut; die beschädigte Datei wird neben der Bibliothek mit „-damaged-“ im Namen aufbewahrt. Oder lesen Sie sie im jetzigen Zustand weiter (schreibgeschützt).</translation>
    </message>
    <message>
        <source>lyricpad has not changed it. Choose what to do; whatever you choose, the file is kept beside the library with “-damaged-” in its name.</source>
        <translation>lyricpad hat sie nicht verändert. Wählen Sie, was geschehen soll; was Sie auch wählen, die Datei wird neben der Bibliothek mit „-damaged-“ im Namen aufbewahrt.</translation>
    </message>
    <message>
        <source>It has been set aside, unchanged, as {name}. Choose another way out.</source>
        <translation>Die Datei wurde unverändert als {name} beiseitegelegt. Wählen Sie einen anderen Ausweg.</translation>
    </message>
    <message>
        <source>{problem}

File: {path}

{kept}</source>
        <translation>{problem}

Datei: {path}

{kept}</translation>
    </message>
    <message>
        <source>&amp;Restore a backup:</source>
        <translation>Sicherung &amp;wiederherstellen:</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Wiederherzustellende Sicherung</translation>
    </message>
    <message>
        <source>&amp;Restore a backup (there are none)</source>
        <translation>Sicherung &amp;wiederherstellen (keine vorhanden)</translation>
    </message>
    <message>
        <source>&amp;Salvage what can still be read into a new library</source>
        <translation>Noch Lesbares in eine neue Bibliothek &amp;retten</translation>
    </message>
    <message>
        <source>&amp;Salvage (impossible: the file is not an SQLite database at all)</source>
        <translation>&amp;Retten (unmöglich: Die Datei ist überhaupt keine SQLite-Datenbank)</translation>
    </message>
    <message>
        <source>Start a &amp;new library (with only the demo song)</source>
        <translation>&amp;Neue Bibliothek beginnen (nur mit dem Demo-Lied)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortfahren</translation>
    </message>
    <message>
        <source>Keep Reading</source>
        <translation>Weiterlesen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>choose a backup to restore</source>
        <translation>keine Sicherung zum Wiederherstellen gewählt</translation>
    </message>
    <message>
        <source>The library was restored from the backup of {name}.</source>
        <translation>Die Bibliothek wurde aus der Sicherung {name} wiederhergestellt.</translation>
    </message>
    <message>
        <source>A new library was started.</source>
        <translation>Eine neue Bibliothek wurde angelegt.</translation>
    </message>
    <message>
        <source>{done} The damaged file is kept as {name}.</source>
        <translation>{done} Die beschädigte Datei wird als {name} aufbewahrt.</translation>
    </message>
    <message>
        <source>That did not work: {reason}</source>
        <translation>Das hat nicht funktioniert: {reason}</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>the song {id}</source>
        <translation>das Lied {id}</translation>
    </message>
</context>
<context>
    <name>EmptySongHint</name>
    <message>
        <source>Add this song&apos;s lyrics:</source>
        <translation>Liedtext zu diesem Lied hinzufügen:</translation>
    </message>
    <message>
        <source>How to add lyrics</source>
        <translation>So fügen Sie einen Liedtext hinzu</translation>
    </message>
    <message>
        <source>Edit &gt; Undo undoes it.</source>
        <translation>Bearbeiten &gt; Rückgängig macht es rückgängig.</translation>
    </message>
    <message>
        <source>Paste Lyrics</source>
        <translation>Liedtext einfügen</translation>
    </message>
    <message>
        <source>Make the text on the clipboard this song&apos;s lyrics ({undo_hint})</source>
        <translation>Den Text in der Zwischenablage als Liedtext dieses Liedes verwenden ({undo_hint})</translation>
    </message>
    <message>
        <source>Import File…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <source>Make a lyrics file (.txt, .lrc) this song&apos;s lyrics, with an LRC file&apos;s times</source>
        <translation>Eine Liedtextdatei (.txt, .lrc) als Liedtext dieses Liedes verwenden, mit den Zeitangaben einer LRC-Datei</translation>
    </message>
    <message>
        <source>Type Them ({shortcut})</source>
        <translation>Eintippen ({shortcut})</translation>
    </message>
    <message>
        <source>Switch the lyrics to Edit mode and type them</source>
        <translation>Den Liedtext in den Bearbeitungsmodus schalten und eintippen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Export To File</source>
        <translation>In Datei exportieren</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Ca&amp;ncel Export</source>
        <translation>Export a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <source>Copy the preview to the clipboard (Ctrl+C)</source>
        <translation>Die Vorschau in die Zwischenablage kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>&amp;Save to Folder…</source>
        <translation>In Ordner &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>The preview is shortened; Copy and Save take all of it.</source>
        <translation>Die Vorschau ist gekürzt; Kopieren und Speichern übernehmen alles.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s) to the clipboard.</source>
        <translation>
            <numerusform>%n Zeile in die Zwischenablage kopiert.</numerusform>
            <numerusform>%n Zeilen in die Zwischenablage kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export To Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Datei wird geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>Exported {done} of %n song(s)</source>
        <translation>
            <numerusform>{done} von %n Lied exportiert</numerusform>
            <numerusform>{done} von %n Liedern exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportLabels</name>
    <message>
        <source>The export failed.</source>
        <translation>Der Export ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Save writes one Markdown file per song ({count}), plus {index} linking them, into a folder you choose. The preview shows the file of “{song}”. Songs exported there before are written over the same files; a file lyricpad did not write is never replaced (the export takes another name).</source>
        <translation>Speichern schreibt eine Markdown-Datei pro Lied ({count}) sowie {index} mit Links zu allen in einen Ordner Ihrer Wahl. Die Vorschau zeigt die Datei von „{song}“. Bereits dorthin exportierte Lieder überschreiben dieselben Dateien; eine Datei, die nicht von lyricpad stammt, wird nie ersetzt (der Export erhält dann einen anderen Namen).</translation>
    </message>
    <message>
        <source>lyricpad JSON holds the whole library, the trash included: a backup that File &gt; Import merges back.</source>
        <translation>lyricpad JSON enthält die gesamte Bibliothek einschließlich Papierkorb: eine Sicherung, die sich mit Datei &gt; Importieren wieder zusammenführen lässt.</translation>
    </message>
    <message>
        <source>W3C Web Annotations, for other annotation tools; File &gt; Import merges them back.</source>
        <translation>W3C Web Annotations, für andere Anmerkungswerkzeuge; mit Datei &gt; Importieren lassen sie sich wieder zusammenführen.</translation>
    </message>
    <message numerus="yes">
        <source>One Markdown document with the %n song(s).</source>
        <translation>
            <numerusform>Ein Markdown-Dokument mit %n Lied.</numerusform>
            <numerusform>Ein Markdown-Dokument mit den %n Liedern.</numerusform>
        </translation>
    </message>
    <message>
        <source>One Markdown document with this song&apos;s annotations.</source>
        <translation>Ein Markdown-Dokument mit den Anmerkungen dieses Liedes.</translation>
    </message>
    <message>
        <source>The library is big: the preview shows only “{song}”; Copy takes the preview, Save all of it.</source>
        <translation>Die Bibliothek ist groß: Die Vorschau zeigt nur „{song}“; Kopieren übernimmt die Vorschau, Speichern alles.</translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after {done} of %n song(s); the files written to {target} are complete, the index was not written.</source>
        <translation>
            <numerusform>Export nach {done} von %n Lied abgebrochen; die nach {target} geschriebenen Dateien sind vollständig, der Index wurde nicht geschrieben.</numerusform>
            <numerusform>Export nach {done} von %n Liedern abgebrochen; die nach {target} geschriebenen Dateien sind vollständig, der Index wurde nicht geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {target}.</source>
        <translation>Nach {target} exportiert.</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} und {count} weitere</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {target}: {names}.</source>
        <translation>
            <numerusform>%n Datei nach {target} geschrieben: {names}.</numerusform>
            <numerusform>%n Dateien nach {target} geschrieben: {names}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportOptionsPanel</name>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>lyricpad JSON (whole library)</source>
        <translation>lyricpad JSON (gesamte Bibliothek)</translation>
    </message>
    <message>
        <source>W3C Web Annotations (JSON-LD)</source>
        <translation>W3C Web Annotations (JSON-LD)</translation>
    </message>
    <message>
        <source>Blog post (CommonMark)</source>
        <translation>Blogbeitrag (CommonMark)</translation>
    </message>
    <message>
        <source>Obsidian note</source>
        <translation>Obsidian-Notiz</translation>
    </message>
    <message>
        <source>Lyrics, then each article</source>
        <translation>Liedtext, dann die einzelnen Artikel</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Linse</translation>
    </message>
    <message>
        <source>&amp;This song</source>
        <translation>&amp;Dieses Lied</translation>
    </message>
    <message>
        <source>&amp;All songs</source>
        <translation>&amp;Alle Lieder</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Markdown for</source>
        <translation>&amp;Markdown für</translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation>&amp;Gruppieren nach</translation>
    </message>
    <message>
        <source>F&amp;ull lyrics (highlighted lines marked)</source>
        <translation>Vo&amp;ller Liedtext (Markierungen gekennzeichnet)</translation>
    </message>
    <message>
        <source>Quote every line of the lyrics, not only the highlighted words</source>
        <translation>Jede Zeile des Liedtexts zitieren, nicht nur die markierten Wörter</translation>
    </message>
    <message>
        <source>Notes as foot&amp;notes</source>
        <translation>Notizen als Fuß&amp;noten</translation>
    </message>
    <message>
        <source>Annotation &amp;ids</source>
        <translation>Anmerkungs-&amp;IDs</translation>
    </message>
    <message>
        <source>S&amp;cheme letters and syllable counts</source>
        <translation>Reimschema-Buchstaben und Silben&amp;zahlen</translation>
    </message>
    <message>
        <source>Write the full lyrics with each line&apos;s syllable count and rhyme letter after it, as ⟨8 · A⟩, each section under a heading (your corrections included)</source>
        <translation>Den vollständigen Liedtext schreiben, mit Silbenzahl und Reimbuchstabe nach jeder Zeile, etwa ⟨8 · A⟩, jeden Abschnitt unter einer Überschrift (einschließlich Ihrer Korrekturen)</translation>
    </message>
    <message>
        <source>What Save writes</source>
        <translation>Was beim Speichern geschrieben wird</translation>
    </message>
    <message>
        <source>&amp;This song: “{title}”</source>
        <translation>&amp;Dieses Lied: „{title}“</translation>
    </message>
    <message>
        <source>&amp;All songs ({count})</source>
        <translation>&amp;Alle Lieder ({count})</translation>
    </message>
    <message>
        <source>lyricpad JSON always holds the whole library (for backup and merging)</source>
        <translation>lyricpad JSON enthält immer die gesamte Bibliothek (zur Sicherung und Zusammenführung)</translation>
    </message>
    <message>
        <source>Put each note in a footnote under the quotes</source>
        <translation>Jede Notiz als Fußnote unter die Zitate setzen</translation>
    </message>
    <message>
        <source>Footnotes are for the blog profile of Markdown (Obsidian shows notes in callouts)</source>
        <translation>Fußnoten gibt es im Blog-Profil von Markdown (Obsidian zeigt Notizen in Callouts)</translation>
    </message>
    <message>
        <source>Put an HTML comment holding its id before each annotation (hidden once published)</source>
        <translation>Vor jede Anmerkung einen HTML-Kommentar mit ihrer ID setzen (nach dem Veröffentlichen unsichtbar)</translation>
    </message>
    <message>
        <source>Ids are an option of the blog profile of Markdown (an Obsidian note always has block ids)</source>
        <translation>IDs sind eine Option des Blog-Profils von Markdown (eine Obsidian-Notiz hat immer Block-IDs)</translation>
    </message>
</context>
<context>
    <name>ExportPreview</name>
    <message>
        <source>Export preview</source>
        <translation>Exportvorschau</translation>
    </message>
</context>
<context>
    <name>FileImporter</name>
    <message>
        <source>“{file}” cannot be imported: {reason}</source>
        <translation>„{file}“ kann nicht importiert werden: {reason}</translation>
    </message>
</context>
<context>
    <name>HandoutActions</name>
    <message>
        <source>&amp;Print Handout…</source>
        <translation>Hand&amp;out drucken…</translation>
    </message>
    <message>
        <source>Print the song&apos;s lyrics, numbered, with its highlights, notes and lenses (and the article shown)</source>
        <translation>Den Liedtext nummeriert drucken, mit Markierungen, Notizen und Linsen (und dem angezeigten Artikel)</translation>
    </message>
    <message>
        <source>Save &amp;Handout as PDF…</source>
        <translation>&amp;Handout als PDF speichern…</translation>
    </message>
    <message>
        <source>Save the song&apos;s lyrics, numbered, with its highlights, notes and lenses (and the article shown) as a PDF</source>
        <translation>Den Liedtext nummeriert, mit Markierungen, Notizen und Linsen (und dem angezeigten Artikel) als PDF speichern</translation>
    </message>
    <message>
        <source>Handout with Scheme Letters and S&amp;yllable Counts</source>
        <translation>Handout mit Reimschema-Buchstaben und Silben&amp;zahlen</translation>
    </message>
    <message>
        <source>Print each lyric line&apos;s syllable count and rhyme letter after it, as ⟨8 · A⟩, and name the sections</source>
        <translation>Nach jeder Liedtextzeile ihre Silbenzahl und ihren Reimbuchstaben drucken, etwa ⟨8 · A⟩, und die Abschnitte benennen</translation>
    </message>
    <message>
        <source>The handout was not saved: {reason}</source>
        <translation>Das Handout wurde nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Saved the handout to {path}</source>
        <translation>Handout unter {path} gespeichert</translation>
    </message>
    <message>
        <source>The handout was not printed: {reason}</source>
        <translation>Das Handout wurde nicht gedruckt: {reason}</translation>
    </message>
    <message>
        <source>Sent the handout to the printer</source>
        <translation>Handout an den Drucker gesendet</translation>
    </message>
    <message>
        <source>Save Handout as PDF</source>
        <translation>Handout als PDF speichern</translation>
    </message>
    <message>
        <source>PDF ({patterns})</source>
        <translation>PDF ({patterns})</translation>
    </message>
    <message>
        <source>Print Handout</source>
        <translation>Handout drucken</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Handout</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Paste as New &amp;Song</source>
        <translation>Als neues Lied einfü&amp;gen</translation>
    </message>
    <message>
        <source>Make a new song of the lyrics on the clipboard</source>
        <translation>Aus dem Liedtext in der Zwischenablage ein neues Lied erstellen</translation>
    </message>
    <message>
        <source>Paste as New &amp;Article</source>
        <translation>Als neuen &amp;Artikel einfügen</translation>
    </message>
    <message>
        <source>Make a new article of the open song from the clipboard (formatting of web pages kept)</source>
        <translation>Aus der Zwischenablage einen neuen Artikel zum geöffneten Lied erstellen (Formatierung von Webseiten bleibt erhalten)</translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Einfügen.</translation>
    </message>
    <message>
        <source>A pasted article belongs to a song: open a song first.</source>
        <translation>Ein eingefügter Artikel gehört zu einem Lied: Öffnen Sie zuerst ein Lied.</translation>
    </message>
    <message>
        <source>What does “{name}” hold?</source>
        <translation>Was enthält „{name}“?</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&amp;Lyrics (a new song)</source>
        <translation>&amp;Liedtext (ein neues Lied)</translation>
    </message>
    <message>
        <source>An &amp;article of “{song}”</source>
        <translation>Ein &amp;Artikel zu „{song}“</translation>
    </message>
    <message>
        <source>Open a song first to import the file as one of its articles.</source>
        <translation>Öffnen Sie zuerst ein Lied, um die Datei als einen seiner Artikel zu importieren.</translation>
    </message>
    <message>
        <source>The library already has {song} with the same lyrics.</source>
        <translation>Die Bibliothek enthält bereits {song} mit demselben Liedtext.</translation>
    </message>
    <message>
        <source>Importing it again makes a second copy of the song.</source>
        <translation>Ein erneuter Import legt eine zweite Kopie des Liedes an.</translation>
    </message>
    <message>
        <source>&amp;Open the Existing Song</source>
        <translation>Vorhandenes Lied &amp;öffnen</translation>
    </message>
    <message>
        <source>Import &amp;Again</source>
        <translation>&amp;Erneut importieren</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) (was|were) not imported:

{messages}</source>
        <translation>
            <numerusform>%n Datei wurde nicht importiert:

{messages}</numerusform>
            <numerusform>%n Dateien wurden nicht importiert:

{messages}</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” would be an article of the open song, but no song is open.</source>
        <translation>„{name}“ wäre ein Artikel des geöffneten Liedes, aber es ist kein Lied geöffnet.</translation>
    </message>
    <message>
        <source>Reading “{name}”…</source>
        <translation>„{name}“ wird gelesen…</translation>
    </message>
    <message>
        <source>Reading “{name}” ({number} of {total})…</source>
        <translation>„{name}“ wird gelesen ({number} von {total})…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
</context>
<context>
    <name>ImportLabels</name>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>LRC lyrics</source>
        <translation>LRC-Liedtext</translation>
    </message>
    <message>
        <source>Web page (HTML, cleaned: nothing in it is fetched or run)</source>
        <translation>Webseite (HTML, bereinigt: nichts darin wird abgerufen oder ausgeführt)</translation>
    </message>
    <message>
        <source>The title is the page&apos;s own; change anything before importing.</source>
        <translation>Der Titel stammt von der Seite selbst; ändern Sie vor dem Import, was Sie möchten.</translation>
    </message>
    <message>
        <source>Title and artist come from the file&apos;s LRC tags; change them if they are wrong.</source>
        <translation>Titel und Interpret stammen aus den LRC-Tags der Datei; ändern Sie sie, falls sie falsch sind.</translation>
    </message>
    <message>
        <source>Title and artist come from the file name (“Artist - Title”); change them if they are wrong.</source>
        <translation>Titel und Interpret stammen aus dem Dateinamen („Interpret - Titel“); ändern Sie sie, falls sie falsch sind.</translation>
    </message>
    <message>
        <source>Nothing names this song: type its title (and artist) before importing.</source>
        <translation>Für dieses Lied ist kein Name bekannt: Geben Sie vor dem Import den Titel (und den Interpreten) ein.</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>detected: {encoding}</source>
        <translation>erkannt: {encoding}</translation>
    </message>
    <message>
        <source>{titles} and {last}</source>
        <translation>{titles} und {last}</translation>
    </message>
    <message>
        <source>Pasted HTML (headings, quotes and emphasis kept)</source>
        <translation>Eingefügtes HTML (Überschriften, Zitate und Hervorhebungen bleiben erhalten)</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message numerus="yes">
        <source>{count} line(s), {timed} timed</source>
        <translation>
            <numerusform>{count} Zeile, {timed} mit Zeitangabe</numerusform>
            <numerusform>{count} Zeilen, {timed} mit Zeitangabe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} line(s)</source>
        <translation>
            <numerusform>{count} Zeile</numerusform>
            <numerusform>{count} Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} line(s) (looks|look) like page furniture (bylines, buttons, related links). Tick the ones to leave out; the rest of the text is kept as it is.</source>
        <translation>
            <numerusform>{count} Zeile sieht wie Seitenbeiwerk aus (Autorenzeilen, Schaltflächen, verwandte Links). Kreuzen Sie die auszulassenden Zeilen an; der restliche Text bleibt unverändert.</numerusform>
            <numerusform>{count} Zeilen sehen wie Seitenbeiwerk aus (Autorenzeilen, Schaltflächen, verwandte Links). Kreuzen Sie die auszulassenden Zeilen an; der restliche Text bleibt unverändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message numerus="yes">
        <source>Preview (the first {shown} of {total} line(s))</source>
        <translation>
            <numerusform>Vorschau ({shown} von {total} Zeile)</numerusform>
            <numerusform>Vorschau (die ersten {shown} von {total} Zeilen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} new song(s)</source>
        <translation>
            <numerusform>{count} neues Lied</numerusform>
            <numerusform>{count} neue Lieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{titles} (new song(s))</source>
        <translation>
            <numerusform>{titles} (neues Lied)</numerusform>
            <numerusform>{titles} (neue Lieder)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} article(s) of “{song}”</source>
        <translation>
            <numerusform>{count} Artikel zu „{song}“</numerusform>
            <numerusform>{count} Artikel zu „{song}“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {count} file(s): {parts}</source>
        <translation>
            <numerusform>{count} Datei importiert: {parts}</numerusform>
            <numerusform>{count} Dateien importiert: {parts}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <source>Import Lyrics</source>
        <translation>Liedtext importieren</translation>
    </message>
    <message>
        <source>Import Article</source>
        <translation>Artikel importieren</translation>
    </message>
    <message>
        <source>A new song from the clipboard</source>
        <translation>Ein neues Lied aus der Zwischenablage</translation>
    </message>
    <message>
        <source>A new song from “{source}”</source>
        <translation>Ein neues Lied aus „{source}“</translation>
    </message>
    <message>
        <source>An article of “{song}” from the clipboard</source>
        <translation>Ein Artikel zu „{song}“ aus der Zwischenablage</translation>
    </message>
    <message>
        <source>An article of “{song}” from “{source}”</source>
        <translation>Ein Artikel zu „{song}“ aus „{source}“</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Needed: the title of the song</source>
        <translation>Erforderlich: der Titel des Liedes</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <source>&amp;Artist:</source>
        <translation>&amp;Interpret:</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Zeichenkodierung</translation>
    </message>
    <message>
        <source>If the text looks wrong, choose the encoding it was saved in</source>
        <translation>Wenn der Text falsch aussieht, wählen Sie die Kodierung, in der er gespeichert wurde</translation>
    </message>
    <message>
        <source>Detected encoding</source>
        <translation>Erkannte Kodierung</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodierung:</translation>
    </message>
    <message>
        <source>Leave &amp;Out All</source>
        <translation>Alle a&amp;uslassen</translation>
    </message>
    <message>
        <source>&amp;Keep All</source>
        <translation>Alle &amp;behalten</translation>
    </message>
    <message>
        <source>Page furniture to leave out</source>
        <translation>Auszulassendes Seitenbeiwerk</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>I&amp;mportieren</translation>
    </message>
    <message>
        <source>Line {number}: {line}  ({reason})</source>
        <translation>Zeile {number}: {line}  ({reason})</translation>
    </message>
    <message>
        <source>Line {number}: {line}
Looks like {reason}. Tick to leave it out.</source>
        <translation>Zeile {number}: {line}
Sieht aus wie {reason}. Ankreuzen, um sie auszulassen.</translation>
    </message>
    <message>
        <source>Reading the file as {encoding}…</source>
        <translation>Datei wird als {encoding} gelesen…</translation>
    </message>
    <message>
        <source>Give the new item a title first</source>
        <translation>Geben Sie dem neuen Eintrag zuerst einen Titel</translation>
    </message>
</context>
<context>
    <name>LanguageHint</name>
    <message>
        <source>Study view hint</source>
        <translation>Hinweis zur Studienansicht</translation>
    </message>
    <message>
        <source>{hint}: &lt;a href=&quot;{href}&quot; style=&quot;color:{colour}&quot;&gt;Song Details…&lt;/a&gt;</source>
        <translation>{hint}: &lt;a href=&quot;{href}&quot; style=&quot;color:{colour}&quot;&gt;Liedinformationen…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>The study view reads a song without a language as English: its syllables, stress and rhymes follow the English dictionary. Give the song its language to count them by its rules.</source>
        <translation>Die Studienansicht liest ein Lied ohne Sprachangabe als Englisch: Silben, Betonung und Reime richten sich nach dem englischen Wörterbuch. Geben Sie die Sprache des Liedes an, damit nach deren Regeln gezählt wird.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies the next time lyricpad starts.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von lyricpad wirksam.</translation>
    </message>
</context>
<context>
    <name>LensDialog</name>
    <message>
        <source>Lenses</source>
        <translation>Linsen</translation>
    </message>
    <message>
        <source>Lenses dialog</source>
        <translation>Linsendialog</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Farbe…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach u&amp;nten</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <source>Keys 1–9 highlight a selection with the first nine lenses, in this order.</source>
        <translation>Die Tasten 1–9 markieren eine Auswahl mit den ersten neun Linsen, in dieser Reihenfolge.</translation>
    </message>
    <message>
        <source>Lens name:</source>
        <translation>Name der Linse:</translation>
    </message>
    <message>
        <source>Lens colour</source>
        <translation>Linsenfarbe</translation>
    </message>
    <message>
        <source>New lens</source>
        <translation>Neue Linse</translation>
    </message>
    <message>
        <source>Rename lens</source>
        <translation>Linse umbenennen</translation>
    </message>
    <message>
        <source>{lens}, colour {colour}</source>
        <translation>{lens}, Farbe {colour}</translation>
    </message>
</context>
<context>
    <name>LensEdits</name>
    <message>
        <source>New Lens</source>
        <translation>Neue Linse</translation>
    </message>
    <message>
        <source>Rename Lens</source>
        <translation>Linse umbenennen</translation>
    </message>
    <message>
        <source>Recolour Lens</source>
        <translation>Linsenfarbe ändern</translation>
    </message>
    <message>
        <source>Edit Lens</source>
        <translation>Linse bearbeiten</translation>
    </message>
    <message>
        <source>Move Lens</source>
        <translation>Linse verschieben</translation>
    </message>
    <message>
        <source>Delete Lens</source>
        <translation>Linse löschen</translation>
    </message>
</context>
<context>
    <name>LensOrderCommand</name>
    <message>
        <source>Move Lens</source>
        <translation>Linse verschieben</translation>
    </message>
</context>
<context>
    <name>LensSwatch</name>
    <message>
        <source>Lens colour</source>
        <translation>Linsenfarbe</translation>
    </message>
</context>
<context>
    <name>LibraryCare</name>
    <message>
        <source>The library&apos;s search index was damaged, so your change could not be saved. lyricpad rebuilt it from your songs, articles and notes, and saved your change.</source>
        <translation>Der Suchindex der Bibliothek war beschädigt, daher konnte Ihre Änderung nicht gespeichert werden. lyricpad hat ihn aus Ihren Liedern, Artikeln und Notizen neu aufgebaut und Ihre Änderung gespeichert.</translation>
    </message>
    <message>
        <source>The library&apos;s search index was damaged, which would have stopped changes from being saved. lyricpad rebuilt it from your songs, articles and notes.</source>
        <translation>Der Suchindex der Bibliothek war beschädigt, sodass keine Änderungen mehr hätten gespeichert werden können. lyricpad hat ihn aus Ihren Liedern, Artikeln und Notizen neu aufgebaut.</translation>
    </message>
    <message>
        <source>A backup of the library as it was is in {path}.</source>
        <translation>Eine Sicherungskopie der Bibliothek im vorherigen Zustand liegt in {path}.</translation>
    </message>
    <message>
        <source>The library&apos;s search index is damaged and could not be rebuilt: {reason}</source>
        <translation>Der Suchindex der Bibliothek ist beschädigt und konnte nicht neu aufgebaut werden: {reason}</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>The backup failed: {reason}</source>
        <translation>Die Sicherung ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>The backup was not restored: {reason}</source>
        <translation>Die Sicherung wurde nicht wiederhergestellt: {reason}</translation>
    </message>
    <message>
        <source>The library was not repaired: {reason}</source>
        <translation>Die Bibliothek wurde nicht repariert: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>The backup was not restored: %n change(s) still (waits|wait) to be saved; restore once they are saved (or quit without them).</source>
        <translation>
            <numerusform>Die Sicherung wurde nicht wiederhergestellt: %n Änderung wartet noch darauf, gespeichert zu werden; stellen Sie sie wieder her, sobald sie gespeichert ist (oder beenden Sie ohne sie).</numerusform>
            <numerusform>Die Sicherung wurde nicht wiederhergestellt: %n Änderungen warten noch darauf, gespeichert zu werden; stellen Sie sie wieder her, sobald sie gespeichert sind (oder beenden Sie ohne sie).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The library was not repaired: %n change(s) still (waits|wait) to be saved; repair once they are saved (or quit without them).</source>
        <translation>
            <numerusform>Die Bibliothek wurde nicht repariert: %n Änderung wartet noch darauf, gespeichert zu werden; reparieren Sie sie, sobald sie gespeichert ist (oder beenden Sie ohne sie).</numerusform>
            <numerusform>Die Bibliothek wurde nicht repariert: %n Änderungen warten noch darauf, gespeichert zu werden; reparieren Sie sie, sobald sie gespeichert sind (oder beenden Sie ohne sie).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryExporter</name>
    <message>
        <source>the library has no songs to export</source>
        <translation>die Bibliothek enthält keine Lieder zum Exportieren</translation>
    </message>
    <message>
        <source>no song is open</source>
        <translation>es ist kein Lied geöffnet</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>In memory (nothing is saved)</source>
        <translation>Im Arbeitsspeicher (nichts wird gespeichert)</translation>
    </message>
    <message>
        <source>Library location</source>
        <translation>Speicherort der Bibliothek</translation>
    </message>
    <message>
        <source>&amp;Open Another Library…</source>
        <translation>And&amp;ere Bibliothek öffnen…</translation>
    </message>
    <message>
        <source>&amp;Create New Library…</source>
        <translation>&amp;Neue Bibliothek anlegen…</translation>
    </message>
    <message>
        <source>Open this library at &amp;start</source>
        <translation>Diese Bibliothek beim Sta&amp;rt öffnen</translation>
    </message>
    <message>
        <source>&amp;Library:</source>
        <translation>Bibl&amp;iothek:</translation>
    </message>
    <message>
        <source>Another library opens in a new lyricpad window and this one closes. With &quot;Open this library at start&quot; ticked, the library you open or create is the one lyricpad opens when it is started without --library.</source>
        <translation>Eine andere Bibliothek wird in einem neuen lyricpad-Fenster geöffnet, und dieses Fenster wird geschlossen. Ist „Diese Bibliothek beim Start öffnen“ aktiviert, öffnet lyricpad die Bibliothek, die Sie öffnen oder anlegen, künftig beim Start ohne --library.</translation>
    </message>
</context>
<context>
    <name>LibrarySearch</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Cannot open that hit: {reason}.</source>
        <translation>Dieser Treffer kann nicht geöffnet werden: {reason}.</translation>
    </message>
    <message>
        <source>F3 opens the next hit, Shift+F3 the previous.</source>
        <translation>F3 öffnet den nächsten Treffer, Umschalt+F3 den vorherigen.</translation>
    </message>
    <message>
        <source>No more hits.</source>
        <translation>Keine weiteren Treffer.</translation>
    </message>
    <message>
        <source>This is the first hit.</source>
        <translation>Dies ist der erste Treffer.</translation>
    </message>
</context>
<context>
    <name>LibrarySearchPanel</name>
    <message>
        <source>lyrics</source>
        <translation>Liedtext</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>lyrics highlight</source>
        <translation>Markierung im Liedtext</translation>
    </message>
    <message>
        <source>article highlight</source>
        <translation>Markierung im Artikel</translation>
    </message>
    <message>
        <source>translation highlight</source>
        <translation>Markierung in der Übersetzung</translation>
    </message>
    <message>
        <source>article “{title}”</source>
        <translation>Artikel „{title}“</translation>
    </message>
    <message>
        <source>Search lyrics, articles, notes, tags: word*, &quot;a phrase&quot;</source>
        <translation>Liedtexte, Artikel, Notizen, Schlagwörter durchsuchen: wort*, &quot;eine Phrase&quot;</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Every word must occur (case and accents ignored); the start of a word is enough; &quot;words in quotes&quot; in a row. Enter opens the first hit, Down goes to the list, F3 the next hit; Esc clears the words, then closes the panel.</source>
        <translation>Jedes Wort muss vorkommen (Groß-/Kleinschreibung und Akzente werden ignoriert); der Wortanfang genügt; &quot;Wörter in Anführungszeichen&quot; direkt hintereinander. Enter öffnet den ersten Treffer, Pfeil nach unten springt zur Liste, F3 zum nächsten Treffer; Esc löscht die Suchwörter und schließt dann die Leiste.</translation>
    </message>
    <message>
        <source>Only this lens</source>
        <translation>Nur diese Linse</translation>
    </message>
    <message>
        <source>Only this pane</source>
        <translation>Nur dieser Bereich</translation>
    </message>
    <message>
        <source>All panes</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>Liedtexte</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Übersetzungen</translation>
    </message>
    <message>
        <source>Only annotations needing review or orphaned</source>
        <translation>Nur Anmerkungen, die überprüft werden müssen oder verwaist sind</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Beliebiger Status</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Überprüfung nötig</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>Verwaist</translation>
    </message>
    <message>
        <source>#tag</source>
        <translation>#Schlagwort</translation>
    </message>
    <message>
        <source>Only annotations with this tag</source>
        <translation>Nur Anmerkungen mit diesem Schlagwort</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <source>Only songs of this artist</source>
        <translation>Nur Lieder dieses Interpreten</translation>
    </message>
    <message>
        <source>With a note</source>
        <translation>Mit Notiz</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>All lenses</source>
        <translation>Alle Linsen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Type words to search.</source>
        <translation>Geben Sie Suchwörter ein.</translation>
    </message>
    <message>
        <source>Cannot search: {reason}.</source>
        <translation>Suche nicht möglich: {reason}.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n+ hit(s).</source>
        <translation>
            <numerusform>%n+ Treffer.</numerusform>
            <numerusform>%n+ Treffer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s).</source>
        <translation>
            <numerusform>%n Treffer.</numerusform>
            <numerusform>%n Treffer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Lieder</translation>
    </message>
    <message>
        <source>&amp;New Song…</source>
        <translation>&amp;Neues Lied…</translation>
    </message>
    <message>
        <source>New song</source>
        <translation>Neues Lied</translation>
    </message>
    <message>
        <source>Add a song to the library</source>
        <translation>Ein Lied zur Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>Datei importieren</translation>
    </message>
    <message>
        <source>Import lyrics (.txt, .lrc: new songs) or articles of the open song (.txt, .md, .html)</source>
        <translation>Liedtexte (.txt, .lrc: neue Lieder) oder Artikel zum geöffneten Lied (.txt, .md, .html) importieren</translation>
    </message>
    <message>
        <source>Edit &amp;Details…</source>
        <translation>&amp;Details bearbeiten…</translation>
    </message>
    <message>
        <source>Edit song details</source>
        <translation>Details des Lieds bearbeiten</translation>
    </message>
    <message>
        <source>Change the title, artist, album, year or language of the selected song</source>
        <translation>Titel, Interpret, Album, Jahr oder Sprache des ausgewählten Lieds ändern</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Rename song</source>
        <translation>Lied umbenennen</translation>
    </message>
    <message>
        <source>Edit the title of the selected song in the list</source>
        <translation>Den Titel des ausgewählten Lieds in der Liste bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete Song</source>
        <translation>Lied &amp;löschen</translation>
    </message>
    <message>
        <source>Delete song</source>
        <translation>Lied löschen</translation>
    </message>
    <message>
        <source>Move the selected song to the trash (Edit › Undo brings it back)</source>
        <translation>Das ausgewählte Lied in den Papierkorb verschieben (Bearbeiten › Rückgängig holt es zurück)</translation>
    </message>
    <message>
        <source>Show &amp;Trash…</source>
        <translation>&amp;Papierkorb anzeigen…</translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation>Papierkorb anzeigen</translation>
    </message>
    <message>
        <source>See the songs in the trash and restore them</source>
        <translation>Die Lieder im Papierkorb ansehen und wiederherstellen</translation>
    </message>
    <message>
        <source>Lyrics and articles ({patterns})</source>
        <translation>Liedtexte und Artikel ({patterns})</translation>
    </message>
    <message>
        <source>Lyrics ({patterns})</source>
        <translation>Liedtexte ({patterns})</translation>
    </message>
    <message>
        <source>Articles ({patterns})</source>
        <translation>Artikel ({patterns})</translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation>Alle Dateien ({patterns})</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Song actions</source>
        <translation>Liedaktionen</translation>
    </message>
    <message>
        <source>Rename Song</source>
        <translation>Lied umbenennen</translation>
    </message>
    <message>
        <source>A song needs a title. The song keeps its old one.</source>
        <translation>Ein Lied braucht einen Titel. Das Lied behält seinen bisherigen.</translation>
    </message>
</context>
<context>
    <name>LibraryWorker</name>
    <message>
        <source>the check failed: {reason}</source>
        <translation>die Prüfung ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>the check of the library&apos;s pages failed: {reason}</source>
        <translation>die Prüfung der Datenbankseiten der Bibliothek ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>the check of the search index failed: {reason}</source>
        <translation>die Prüfung des Suchindex ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>The study view failed: {reason}</source>
        <translation>Die Studienansicht konnte nicht erstellt werden: {reason}</translation>
    </message>
    <message>
        <source>the work failed: {reason}</source>
        <translation>der Vorgang ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>the export failed: {reason}</source>
        <translation>der Export ist fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>LineNumberGutter</name>
    <message>
        <source>Line numbers</source>
        <translation>Zeilennummern</translation>
    </message>
    <message>
        <source>Click a line number to select the line; drag or Shift+click to select several lines.</source>
        <translation>Klicken Sie auf eine Zeilennummer, um die Zeile auszuwählen; mit Ziehen oder Umschalt+Klick wählen Sie mehrere Zeilen aus.</translation>
    </message>
</context>
<context>
    <name>LinkEdits</name>
    <message>
        <source>Link Quotation</source>
        <translation>Zitat verknüpfen</translation>
    </message>
    <message>
        <source>Unlink Quotation</source>
        <translation>Zitatverknüpfung lösen</translation>
    </message>
</context>
<context>
    <name>LyricsEditing</name>
    <message>
        <source>No lyrics yet.</source>
        <translation>Noch kein Liedtext.</translation>
    </message>
    <message>
        <source>Type or paste the lyrics</source>
        <translation>Liedtext eingeben oder einfügen</translation>
    </message>
    <message>
        <source>Editing the lyrics; changes are saved as you type.</source>
        <translation>Liedtext wird bearbeitet; Änderungen werden beim Tippen gespeichert.</translation>
    </message>
    <message>
        <source>Select text or line numbers to highlight them with a lens.</source>
        <translation>Wählen Sie Text oder Zeilennummern aus, um sie mit einer Linse zu markieren.</translation>
    </message>
</context>
<context>
    <name>LyricsPane</name>
    <message>
        <source>Lyrics</source>
        <translation>Liedtext</translation>
    </message>
    <message>
        <source>&amp;Edit Note</source>
        <translation>Notiz &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>Markierung &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Go to Quotation</source>
        <translation>&amp;Zum Zitat springen</translation>
    </message>
    <message>
        <source>Show where an article quotes this line (again for the next quotation)</source>
        <translation>Zeigen, wo ein Artikel diese Zeile zitiert (erneut für das nächste Zitat)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>lyricpad main window</source>
        <translation>lyricpad-Hauptfenster</translation>
    </message>
    <message>
        <source>Song heading</source>
        <translation>Liedüberschrift</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation>Bibliothek: {path}</translation>
    </message>
    <message>
        <source>Library: in memory (nothing is kept)</source>
        <translation>Bibliothek: im Arbeitsspeicher (nichts wird aufbewahrt)</translation>
    </message>
    <message>
        <source>Library path</source>
        <translation>Pfad der Bibliothek</translation>
    </message>
    <message>
        <source>No song</source>
        <translation>Kein Lied</translation>
    </message>
    <message>
        <source>The library has no songs.</source>
        <translation>Die Bibliothek enthält keine Lieder.</translation>
    </message>
    <message>
        <source>Editing the lyrics: saved as you pause typing · {keys} to finish</source>
        <translation>Liedtext wird bearbeitet: Speichern bei jeder Tipppause · {keys} zum Beenden</translation>
    </message>
    <message>
        <source>{app} — {song} (read-only)</source>
        <translation>{app} — {song} (schreibgeschützt)</translation>
    </message>
    <message>
        <source>{app} — {song}</source>
        <translation>{app} — {song}</translation>
    </message>
    <message numerus="yes">
        <source>%n song(s)</source>
        <translation>
            <numerusform>%n Lied</numerusform>
            <numerusform>%n Lieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n Anmerkung</numerusform>
            <numerusform>%n Anmerkungen</numerusform>
        </translation>
    </message>
    <message>
        <source>{songs}  │  this song: {articles}, {annotations}</source>
        <translation>{songs}  │  dieses Lied: {articles}, {annotations}</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste as lyrics.</source>
        <translation>Die Zwischenablage enthält keinen Text, der als Liedtext eingefügt werden kann.</translation>
    </message>
    <message>
        <source>Pasted the lyrics. {undo_hint}</source>
        <translation>Liedtext eingefügt. {undo_hint}</translation>
    </message>
    <message>
        <source>{keys} undoes it.</source>
        <translation>{keys} macht es rückgängig.</translation>
    </message>
    <message>
        <source>Edit &gt; Undo</source>
        <translation>Bearbeiten &gt; Rückgängig</translation>
    </message>
</context>
<context>
    <name>NamesOnlyIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>{suffix} File</source>
        <translation>{suffix}-Datei</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>NoteCommand</name>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Select a highlight to write a note</source>
        <translation>Wählen Sie eine Markierung aus, um eine Notiz zu schreiben</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Überprüfung nötig</translation>
    </message>
    <message>
        <source>The text was edited: check that this highlight still covers the right words.</source>
        <translation>Der Text wurde bearbeitet: Prüfen Sie, ob diese Markierung noch die richtigen Wörter abdeckt.</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>Verwaist</translation>
    </message>
    <message>
        <source>The highlighted words are gone from the text; the note is kept.</source>
        <translation>Die markierten Wörter fehlen im Text; die Notiz bleibt erhalten.</translation>
    </message>
    <message>
        <source>In trash</source>
        <translation>Im Papierkorb</translation>
    </message>
    <message>
        <source>This highlight is in the trash: restore it ({shortcut}) to edit it.</source>
        <translation>Diese Markierung liegt im Papierkorb: Stellen Sie sie wieder her ({shortcut}), um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>lines {first} … {last} ({count} places)</source>
        <comment>count is 4 or more</comment>
        <translation>Zeilen {first} … {last} ({count} Stellen)</translation>
    </message>
    <message>
        <source>lines {lines}</source>
        <translation>Zeilen {lines}</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>Liedtext</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>{where} · {place}</source>
        <translation>{where} · {place}</translation>
    </message>
    <message>
        <source>{where} · proposed: {place}</source>
        <translation>{where} · vorgeschlagen: {place}</translation>
    </message>
    <message>
        <source>{where} · was {place}</source>
        <translation>{where} · zuvor {place}</translation>
    </message>
    <message>
        <source>Note editor</source>
        <translation>Notizeditor</translation>
    </message>
    <message>
        <source>Preview Note</source>
        <translation>Vorschau der Notiz</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>Markierung löschen</translation>
    </message>
    <message>
        <source>Restore Highlight</source>
        <translation>Markierung wiederherstellen</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Linse</translation>
    </message>
    <message>
        <source>The lens of this highlight</source>
        <translation>Die Linse dieser Markierung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Markdown; saved while you type</source>
        <translation>Markdown; wird beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>Write a note… Markdown works: **bold**, *italic*, - lists</source>
        <translation>Notiz schreiben… Markdown funktioniert: **fett**, *kursiv*, - Listen</translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation>Notizvorschau</translation>
    </message>
    <message>
        <source>Nothing to preview yet.</source>
        <translation>Noch nichts für die Vorschau.</translation>
    </message>
    <message>
        <source>Write or preview the note</source>
        <translation>Notiz schreiben oder Vorschau anzeigen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Show the note rendered ({shortcut})</source>
        <translation>Die Notiz formatiert anzeigen ({shortcut})</translation>
    </message>
    <message>
        <source>Edit the note as Markdown ({shortcut})</source>
        <translation>Die Notiz als Markdown bearbeiten ({shortcut})</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Separated by commas or spaces; Enter applies them</source>
        <translation>Durch Kommas oder Leerzeichen getrennt; Enter übernimmt sie</translation>
    </message>
    <message>
        <source>Add tags: #theme, imagery</source>
        <translation>Schlagwörter hinzufügen: #thema, bildsprache</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>Markierung löschen</translation>
    </message>
    <message>
        <source>Move this highlight and its note to the trash ({shortcut})</source>
        <translation>Diese Markierung samt Notiz in den Papierkorb verschieben ({shortcut})</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore highlight</source>
        <translation>Markierung wiederherstellen</translation>
    </message>
    <message>
        <source>Take this highlight out of the trash ({shortcut})</source>
        <translation>Diese Markierung aus dem Papierkorb zurückholen ({shortcut})</translation>
    </message>
    <message>
        <source>Quote: {quote}</source>
        <translation>Zitat: {quote}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Stelle: {place}</translation>
    </message>
    <message>
        <source>No lens</source>
        <translation>Keine Linse</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>[image: {name}]</source>
        <translation>[Bild: {name}]</translation>
    </message>
</context>
<context>
    <name>NoteTimeRow</name>
    <message>
        <source>Note time</source>
        <translation>Zeitpunkt der Notiz</translation>
    </message>
    <message>
        <source>This note is about no moment of the song</source>
        <translation>Diese Notiz bezieht sich auf keinen Zeitpunkt im Lied</translation>
    </message>
    <message>
        <source>Clear the note&apos;s time</source>
        <translation>Zeitpunkt der Notiz entfernen</translation>
    </message>
    <message>
        <source>♪ at {time}</source>
        <translation>♪ bei {time}</translation>
    </message>
    <message>
        <source>Practise from {time}: the moment this note is about</source>
        <translation>Ab {time} üben: der Moment, um den es in dieser Notiz geht</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>OutputDialog</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>PaneFontRow</name>
    <message>
        <source>Font family</source>
        <translation>Schriftfamilie</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Default font</source>
        <translation>Standardschrift</translation>
    </message>
    <message>
        <source>Font sample</source>
        <translation>Schriftbeispiel</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>Pending</name>
    <message>
        <source>(its text could not be read back: {reason})</source>
        <translation>(ihr Text konnte nicht zurückgelesen werden: {reason})</translation>
    </message>
    <message>
        <source>{change} ({reason})</source>
        <translation>{change} ({reason})</translation>
    </message>
    <message>
        <source>Written on {moment} from the window on {library}, which could not save them.</source>
        <translation>Geschrieben am {moment} vom Fenster mit {library}, das die Änderungen nicht speichern konnte.</translation>
    </message>
    <message>
        <source>lyricpad: changes not saved</source>
        <translation>lyricpad: Änderungen nicht gespeichert</translation>
    </message>
    <message>
        <source>Copy what you need back into lyricpad.</source>
        <translation>Kopieren Sie, was Sie brauchen, zurück in lyricpad.</translation>
    </message>
    <message>
        <source>Other changes not saved</source>
        <translation>Weitere nicht gespeicherte Änderungen</translation>
    </message>
</context>
<context>
    <name>PostSource</name>
    <message>
        <source>Post source</source>
        <translation>Quelltext des Beitrags</translation>
    </message>
</context>
<context>
    <name>PracticeBar</name>
    <message>
        <source>Play along with a local audio file</source>
        <translation>Mit einer lokalen Audiodatei üben</translation>
    </message>
    <message>
        <source>Practice bar</source>
        <translation>Übungsleiste</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play or pause the practice clock (Space)</source>
        <translation>Übungsuhr starten oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Back to the start of the loop, or of the song</source>
        <translation>Zurück zum Anfang der Schleife bzw. des Lieds</translation>
    </message>
    <message>
        <source>Go to the line before</source>
        <translation>Zur vorherigen Zeile</translation>
    </message>
    <message>
        <source>Go to the next line</source>
        <translation>Zur nächsten Zeile</translation>
    </message>
    <message>
        <source>Previous line</source>
        <translation>Vorherige Zeile</translation>
    </message>
    <message>
        <source>Next line</source>
        <translation>Nächste Zeile</translation>
    </message>
    <message>
        <source>Loop Section</source>
        <translation>Abschnitt wiederholen</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Playback speed of the audio</source>
        <translation>Wiedergabetempo des Audios</translation>
    </message>
    <message>
        <source>Audio…</source>
        <translation>Audio…</translation>
    </message>
    <message>
        <source>Practice time</source>
        <translation>Übungszeit</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Practice status</source>
        <translation>Übungsstatus</translation>
    </message>
    <message>
        <source>Leave practice mode</source>
        <translation>Übungsmodus verlassen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>{time} · line {line}</source>
        <translation>{time} · Zeile {line}</translation>
    </message>
    <message>
        <source>Loop the section being sung (none with times here)</source>
        <translation>Den gerade gesungenen Abschnitt wiederholen (hier keiner mit Zeiten)</translation>
    </message>
    <message>
        <source>Loop lines {first}–{last}, the section being sung</source>
        <translation>Zeilen {first}–{last} wiederholen, den gerade gesungenen Abschnitt</translation>
    </message>
    <message>
        <source>Playing along with {path}</source>
        <translation>Übung mit {path}</translation>
    </message>
</context>
<context>
    <name>PracticeClock</name>
    <message>
        <source>Audio files (*.mp3 *.ogg *.oga *.opus *.flac *.wav *.m4a *.aac);;All files (*)</source>
        <translation>Audiodateien (*.mp3 *.ogg *.oga *.opus *.flac *.wav *.m4a *.aac);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>PracticeMode</name>
    <message>
        <source>&amp;Practice Mode</source>
        <translation>Ü&amp;bungsmodus</translation>
    </message>
    <message>
        <source>Set Line &amp;Times…</source>
        <translation>Zeilen&amp;zeiten festlegen…</translation>
    </message>
    <message>
        <source>Play or Pause</source>
        <translation>Abspielen oder anhalten</translation>
    </message>
    <message>
        <source>Stamp Note with &amp;Time</source>
        <translation>Notiz mit Zeitstem&amp;pel versehen</translation>
    </message>
    <message>
        <source>Mark the current note with the practice clock&apos;s time</source>
        <translation>Die aktuelle Notiz mit der Zeit der Übungsuhr versehen</translation>
    </message>
    <message>
        <source>Play Along with &amp;Audio…</source>
        <translation>Mit &amp;Audiodatei üben…</translation>
    </message>
    <message>
        <source>Follow the lyrics along their LRC times</source>
        <translation>Dem Liedtext entlang seiner LRC-Zeiten folgen</translation>
    </message>
    <message>
        <source>This song has no LRC times: Edit &gt; Set Line Times… gives it some</source>
        <translation>Dieses Lied hat keine LRC-Zeiten: Bearbeiten &gt; Zeilenzeiten festlegen… fügt welche hinzu</translation>
    </message>
    <message>
        <source>Time the lyrics by tapping a key as each line starts (tag and next)</source>
        <translation>Den Liedtext zeitlich erfassen: zu Beginn jeder Zeile eine Taste drücken (Zeit setzen und weiter)</translation>
    </message>
    <message>
        <source>This song has no lyrics to time</source>
        <translation>Dieses Lied hat keinen Liedtext, der zeitlich erfasst werden könnte</translation>
    </message>
    <message>
        <source>This song has no LRC times: Edit &gt; Set Line Times… gives it some.</source>
        <translation>Dieses Lied hat keine LRC-Zeiten: Bearbeiten &gt; Zeilenzeiten festlegen… fügt welche hinzu.</translation>
    </message>
    <message>
        <source>The clock is at {time}. This song has no LRC times: Edit &gt; Set Line Times… gives it some.</source>
        <translation>Die Uhr steht bei {time}. Dieses Lied hat keine LRC-Zeiten: Bearbeiten &gt; Zeilenzeiten festlegen… fügt welche hinzu.</translation>
    </message>
    <message>
        <source>None of these lines has a time: nothing to loop.</source>
        <translation>Keine dieser Zeilen hat eine Zeit: nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>Looping lines {first}–{last} ({start}–{end})</source>
        <translation>Zeilen {first}–{last} werden wiederholt ({start}–{end})</translation>
    </message>
    <message>
        <source>Looping lines {first}–{last}</source>
        <translation>Zeilen {first}–{last} werden wiederholt</translation>
    </message>
    <message>
        <source>Lines {first}–{last}</source>
        <translation>Zeilen {first}–{last}</translation>
    </message>
    <message>
        <source>↻ {first}–{last}</source>
        <translation>↻ {first}–{last}</translation>
    </message>
    <message>
        <source>Play Along with Audio</source>
        <translation>Mit Audiodatei üben</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Blog post (CommonMark)</source>
        <translation>Blogbeitrag (CommonMark)</translation>
    </message>
    <message>
        <source>Obsidian note</source>
        <translation>Obsidian-Notiz</translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation>Fußnoten</translation>
    </message>
    <message>
        <source>Inline, after the paragraph</source>
        <translation>Im Text, nach dem Absatz</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Save Post</source>
        <translation>Beitrag speichern</translation>
    </message>
    <message>
        <source>Publish Failed</source>
        <translation>Veröffentlichen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Publish Article</source>
        <translation>Artikel veröffentlichen</translation>
    </message>
    <message>
        <source>Article published</source>
        <translation>Artikel veröffentlicht</translation>
    </message>
    <message>
        <source>&amp;Post for</source>
        <translation>&amp;Beitrag für</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Full HTML &amp;page</source>
        <translation>Vollständige &amp;HTML-Seite</translation>
    </message>
    <message>
        <source>A whole web page (title, character set, a little style) rather than a fragment</source>
        <translation>Eine vollständige Webseite (Titel, Zeichensatz, etwas Stil) statt eines Fragments</translation>
    </message>
    <message>
        <source>Annotation &amp;ids</source>
        <translation>Anmerkungs-&amp;IDs</translation>
    </message>
    <message>
        <source>Mark each note with its annotation&apos;s id (an HTML comment)</source>
        <translation>Jede Notiz mit der ID ihrer Anmerkung kennzeichnen (als HTML-Kommentar)</translation>
    </message>
    <message>
        <source>&amp;Lens names</source>
        <translation>&amp;Linsennamen</translation>
    </message>
    <message>
        <source>Name each note&apos;s lens</source>
        <translation>Bei jeder Notiz ihre Linse nennen</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Show HTML so&amp;urce</source>
        <translation>HTML-&amp;Quelltext anzeigen</translation>
    </message>
    <message>
        <source>Show the HTML as it is copied and saved, not as a page shows it</source>
        <translation>Das HTML so zeigen, wie es kopiert und gespeichert wird, nicht wie eine Seite es darstellt</translation>
    </message>
    <message>
        <source>Publish status</source>
        <translation>Status der Veröffentlichung</translation>
    </message>
    <message>
        <source>Copy the post to the clipboard (Ctrl+C)</source>
        <translation>Den Beitrag in die Zwischenablage kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Save the post to a file (Ctrl+S)</source>
        <translation>Den Beitrag in einer Datei speichern (Strg+S)</translation>
    </message>
    <message>
        <source>HTML is made from the blog post; an Obsidian note is Markdown for a vault</source>
        <translation>HTML wird aus dem Blogbeitrag erzeugt; eine Obsidian-Notiz ist Markdown für einen Vault</translation>
    </message>
    <message>
        <source>No song is open: there is no article to publish.</source>
        <translation>Kein Lied geöffnet: Es gibt keinen Artikel zum Veröffentlichen.</translation>
    </message>
    <message>
        <source>“{song}” has no article to publish. Write one beside the lyrics with File &gt; New Article (Ctrl+Shift+N), then publish it from here.</source>
        <translation>„{song}“ hat keinen Artikel zum Veröffentlichen. Schreiben Sie einen neben dem Liedtext mit Datei &gt; Neuer Artikel (Strg+Umschalt+N) und veröffentlichen Sie ihn dann von hier aus.</translation>
    </message>
    <message>
        <source>No article to publish.</source>
        <translation>Kein Artikel zum Veröffentlichen.</translation>
    </message>
    <message>
        <source>No post to show.</source>
        <translation>Kein Beitrag zum Anzeigen.</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Unbenannter Artikel</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>“{title}”, about “{song}”</source>
        <translation>„{title}“ über „{song}“</translation>
    </message>
    <message numerus="yes">
        <source>Copied the post (%n line(s)) to the clipboard.</source>
        <translation>
            <numerusform>Beitrag (%n Zeile) in die Zwischenablage kopiert.</numerusform>
            <numerusform>Beitrag (%n Zeilen) in die Zwischenablage kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind} ({patterns});;All files (*)</source>
        <translation>{kind} ({patterns});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved the post to {path}.</source>
        <translation>Beitrag in {path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>QuoteLinksList</name>
    <message>
        <source>“{quote}” for “{lyrics}”</source>
        <translation>„{quote}“ für „{lyrics}“</translation>
    </message>
    <message>
        <source>the words differ</source>
        <translation>der Wortlaut weicht ab</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>Zeile {number}</translation>
    </message>
    <message>
        <source>lines {numbers}</source>
        <translation>Zeilen {numbers}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Quotes {lines} of the lyrics&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zitiert {lines} des Liedtexts&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;misquoted:&lt;/i&gt; {differences}</source>
        <translation>&lt;i&gt;falsch zitiert:&lt;/i&gt; {differences}</translation>
    </message>
    <message>
        <source>Click to show the lines.</source>
        <translation>Klicken, um die Zeilen anzuzeigen.</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Unbenannter Artikel</translation>
    </message>
    <message>
        <source>Quoted in &lt;b&gt;{title}&lt;/b&gt;: “{quote}” &lt;i&gt;(misquoted)&lt;/i&gt;</source>
        <translation>Zitiert in &lt;b&gt;{title}&lt;/b&gt;: „{quote}“ &lt;i&gt;(falsch zitiert)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Quoted in &lt;b&gt;{title}&lt;/b&gt;: “{quote}”</source>
        <translation>Zitiert in &lt;b&gt;{title}&lt;/b&gt;: „{quote}“</translation>
    </message>
    <message>
        <source>Click to go to the quotation.</source>
        <translation>Klicken, um zum Zitat zu springen.</translation>
    </message>
    <message>
        <source>Click for the next quotation.</source>
        <translation>Klicken für das nächste Zitat.</translation>
    </message>
    <message>
        <source>misquoted</source>
        <translation>falsch zitiert</translation>
    </message>
    <message>
        <source>Misquoted: {differences}</source>
        <translation>Falsch zitiert: {differences}</translation>
    </message>
    <message>
        <source>(added by hand)</source>
        <translation>(von Hand hinzugefügt)</translation>
    </message>
    <message>
        <source>(found)</source>
        <translation>(gefunden)</translation>
    </message>
    <message>
        <source>Quotations list</source>
        <translation>Zitatliste</translation>
    </message>
    <message>
        <source>Enter or a click: go to the quotation and the lyric lines it quotes.</source>
        <translation>Enter oder Klick: zum Zitat und zu den zitierten Liedtextzeilen springen.</translation>
    </message>
</context>
<context>
    <name>RenderedPost</name>
    <message>
        <source>Post as rendered</source>
        <translation>Dargestellter Beitrag</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Nothing to accept: no place was found for this highlight&apos;s words in the edited text. Select the words it belongs to, then choose Place at Selection.</source>
        <translation>Nichts zu übernehmen: Für die Wörter dieser Markierung wurde im bearbeiteten Text keine Stelle gefunden. Wählen Sie die zugehörigen Wörter aus und klicken Sie dann auf „An Auswahl setzen“.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>&amp;Accept Proposed Place</source>
        <translation>&amp;Vorgeschlagene Stelle übernehmen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Place at Selection</source>
        <translation>&amp;An Auswahl setzen</translation>
    </message>
    <message>
        <source>Place at Selection</source>
        <translation>An Auswahl setzen</translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in its text, then put it there ({shortcut})</source>
        <translation>Wählen Sie im Text die Wörter aus, zu denen diese Markierung gehört, und setzen Sie sie dorthin ({shortcut})</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Move this highlight and its note to the trash (Ctrl+Z undoes)</source>
        <translation>Diese Markierung samt Notiz in den Papierkorb verschieben (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Anchor this highlight at the place proposed for it, {place} ({shortcut}; Ctrl+Z undoes)</source>
        <translation>Diese Markierung an der für sie vorgeschlagenen Stelle verankern, {place} ({shortcut}; Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Select a highlight that needs review first</source>
        <translation>Wählen Sie zuerst eine Markierung aus, die überprüft werden muss</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs review.&lt;/b&gt; The lyrics changed; a place was found for this highlight ({place}, hatched and boxed in its lens colour).</source>
        <translation>&lt;b&gt;Überprüfung nötig.&lt;/b&gt; Der Liedtext wurde geändert; für diese Markierung wurde eine Stelle gefunden ({place}, schraffiert und umrahmt in der Farbe ihrer Linse).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs review.&lt;/b&gt; The translation changed; a place was found for this highlight ({place}, hatched and boxed in its lens colour).</source>
        <translation>&lt;b&gt;Überprüfung nötig.&lt;/b&gt; Die Übersetzung wurde geändert; für diese Markierung wurde eine Stelle gefunden ({place}, schraffiert und umrahmt in der Farbe ihrer Linse).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs review.&lt;/b&gt; The article changed; a place was found for this highlight ({place}, hatched and boxed in its lens colour).</source>
        <translation>&lt;b&gt;Überprüfung nötig.&lt;/b&gt; Der Artikel wurde geändert; für diese Markierung wurde eine Stelle gefunden ({place}, schraffiert und umrahmt in der Farbe ihrer Linse).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Orphaned.&lt;/b&gt; Its words are gone from the lyrics; the quote and note are kept. Select the words it belongs to in the lyrics, then &lt;i&gt;Place at Selection&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Verwaist.&lt;/b&gt; Ihre Wörter fehlen im Liedtext; Zitat und Notiz bleiben erhalten. Wählen Sie im Liedtext die Wörter aus, zu denen sie gehört, dann &lt;i&gt;An Auswahl setzen&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Orphaned.&lt;/b&gt; Its words are gone from the translation; the quote and note are kept. Select the words it belongs to in the translation, then &lt;i&gt;Place at Selection&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Verwaist.&lt;/b&gt; Ihre Wörter fehlen in der Übersetzung; Zitat und Notiz bleiben erhalten. Wählen Sie in der Übersetzung die Wörter aus, zu denen sie gehört, dann &lt;i&gt;An Auswahl setzen&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Orphaned.&lt;/b&gt; Its words are gone from the article; the quote and note are kept. Select the words it belongs to in the article, then &lt;i&gt;Place at Selection&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Verwaist.&lt;/b&gt; Ihre Wörter fehlen im Artikel; Zitat und Notiz bleiben erhalten. Wählen Sie im Artikel die Wörter aus, zu denen sie gehört, dann &lt;i&gt;An Auswahl setzen&lt;/i&gt;.</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <source>&amp;Go to Passage</source>
        <translation>Zur &amp;Stelle springen</translation>
    </message>
    <message>
        <source>&amp;Edit Note</source>
        <translation>Notiz &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <source>{problem}; rebuilding it failed: {reason}</source>
        <translation>{problem}; der Neuaufbau ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>“{change}” was not saved: {reason}</source>
        <translation>„{change}“ wurde nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>“{change}” could not be saved: {reason}. What you typed is kept in this window: when you quit, lyricpad offers to save a copy of it as Markdown.</source>
        <translation>„{change}“ konnte nicht gespeichert werden: {reason}. Ihre Eingaben bleiben in diesem Fenster erhalten: Beim Beenden bietet lyricpad an, eine Kopie davon als Markdown zu speichern.</translation>
    </message>
    <message numerus="yes">
        <source>“{change}” is not saved yet: {reason}. It is kept in the window and saved as soon as the library can be written (lyricpad tries again every %n second(s)).</source>
        <translation>
            <numerusform>„{change}“ ist noch nicht gespeichert: {reason}. Die Änderung bleibt im Fenster erhalten und wird gespeichert, sobald die Bibliothek wieder beschreibbar ist (lyricpad versucht es im Abstand von %n Sekunde erneut).</numerusform>
            <numerusform>„{change}“ ist noch nicht gespeichert: {reason}. Die Änderung bleibt im Fenster erhalten und wird gespeichert, sobald die Bibliothek wieder beschreibbar ist (lyricpad versucht es im Abstand von %n Sekunden erneut).</numerusform>
        </translation>
    </message>
    <message>
        <source>{change} ({about}): {reason}</source>
        <translation>{change} ({about}): {reason}</translation>
    </message>
    <message>
        <source>{change} ({about})</source>
        <translation>{change} ({about})</translation>
    </message>
    <message>
        <source>{change}: {reason}</source>
        <translation>{change}: {reason}</translation>
    </message>
    <message>
        <source>an in-memory library</source>
        <translation>eine Bibliothek im Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>SavingPage</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Each editor&apos;s own</source>
        <translation>Je nach Editor</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>While you type</source>
        <translation>Beim Tippen</translation>
    </message>
    <message>
        <source>Save after a &amp;pause of:</source>
        <translation>Speichern nach einer Pa&amp;use von:</translation>
    </message>
    <message>
        <source>Save at least &amp;every:</source>
        <translation>Mindestens speichern a&amp;lle:</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Back up at most &amp;every:</source>
        <translation>Höchstens sichern all&amp;e:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>Neueste be&amp;halten:</translation>
    </message>
    <message>
        <source>Save after a pause of</source>
        <translation>Speichern nach einer Pause von</translation>
    </message>
    <message>
        <source>Save at least every</source>
        <translation>Mindestens speichern alle</translation>
    </message>
    <message>
        <source>Back up at most every</source>
        <translation>Höchstens sichern alle</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Aufbewahrte Sicherungen</translation>
    </message>
    <message>
        <source>Automatic backups are made while changes happen. Beyond the newest ones, one backup a day is kept for two weeks, and backups you made yourself are never deleted.</source>
        <translation>Automatische Sicherungen werden angelegt, während Änderungen anfallen. Über die neuesten hinaus wird zwei Wochen lang eine Sicherung pro Tag aufbewahrt; Sicherungen, die Sie selbst angelegt haben, werden nie gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>automatic backup(s)</source>
        <translation>
            <numerusform>automatische Sicherung</numerusform>
            <numerusform>automatische Sicherungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetAsideWatch</name>
    <message>
        <source>syllables</source>
        <translation>Silben</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>Betonung</translation>
    </message>
    <message>
        <source>rhyme letter</source>
        <translation>Reimbuchstabe</translation>
    </message>
    <message>
        <source>section boundary</source>
        <translation>Abschnittsgrenze</translation>
    </message>
    <message>
        <source>The {field} correction ({value}) of line {line} was set aside: its line was edited.</source>
        <translation>Die Korrektur „{field}“ ({value}) in Zeile {line} wurde zurückgestellt: Die Zeile wurde bearbeitet.</translation>
    </message>
    <message>
        <source>The {field} correction of line {line} was set aside: its line was edited.</source>
        <translation>Die Korrektur „{field}“ in Zeile {line} wurde zurückgestellt: Die Zeile wurde bearbeitet.</translation>
    </message>
    <message numerus="yes">
        <source>%n study correction(s) (was|were) set aside: their line was edited ({lines}).</source>
        <translation>
            <numerusform>%n Analysekorrektur wurde zurückgestellt: ihre Zeile wurde bearbeitet ({lines}).</numerusform>
            <numerusform>%n Analysekorrekturen wurden zurückgestellt: ihre Zeile wurde bearbeitet ({lines}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study correction(s) (was|were) set aside: their lines were edited ({lines}).</source>
        <translation>
            <numerusform>%n Analysekorrektur wurde zurückgestellt: ihre Zeilen wurden bearbeitet ({lines}).</numerusform>
            <numerusform>%n Analysekorrekturen wurden zurückgestellt: ihre Zeilen wurden bearbeitet ({lines}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>&amp;Annotating</source>
        <translation>&amp;Anmerkungen</translation>
    </message>
    <message>
        <source>&amp;Saving</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothek</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Sp&amp;rache</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter by action, menu or key ({key}, Edit, lens…)</source>
        <translation>Nach Aktion, Menü oder Taste filtern ({key}, Bearbeiten, Linse…)</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Bereich</translation>
    </message>
    <message numerus="yes">
        <source>%n shortcut(s)</source>
        <translation>
            <numerusform>%n Tastenkürzel</numerusform>
            <numerusform>%n Tastenkürzel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n shortcut(s)</source>
        <translation>
            <numerusform>{shown} von %n Tastenkürzel</numerusform>
            <numerusform>{shown} von %n Tastenkürzeln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SongDialog</name>
    <message>
        <source>New Song</source>
        <translation>Neues Lied</translation>
    </message>
    <message>
        <source>Song Details</source>
        <translation>Liedinformationen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>e.g. English</source>
        <translation>z. B. Englisch</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Artist:</source>
        <translation>&amp;Interpret:</translation>
    </message>
    <message>
        <source>Al&amp;bum:</source>
        <translation>Al&amp;bum:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Create song</source>
        <translation>Lied erstellen</translation>
    </message>
    <message>
        <source>Save song details</source>
        <translation>Liedinformationen speichern</translation>
    </message>
    <message>
        <source>A song needs a title.</source>
        <translation>Ein Lied braucht einen Titel.</translation>
    </message>
    <message>
        <source>The year must be a number from 1 to 9999.</source>
        <translation>Das Jahr muss eine Zahl von 1 bis 9999 sein.</translation>
    </message>
</context>
<context>
    <name>SongEdits</name>
    <message>
        <source>New Song</source>
        <translation>Neues Lied</translation>
    </message>
    <message>
        <source>Rename Song</source>
        <translation>Lied umbenennen</translation>
    </message>
    <message>
        <source>Edit Lyrics</source>
        <translation>Liedtext bearbeiten</translation>
    </message>
    <message>
        <source>Edit Song Details</source>
        <translation>Liedinformationen bearbeiten</translation>
    </message>
    <message>
        <source>Lyrics of {song}</source>
        <translation>Liedtext von {song}</translation>
    </message>
    <message>
        <source>Delete Song</source>
        <translation>Lied löschen</translation>
    </message>
    <message>
        <source>Restore Song</source>
        <translation>Lied wiederherstellen</translation>
    </message>
</context>
<context>
    <name>SongFilterEdit</name>
    <message>
        <source>Filter songs</source>
        <translation>Lieder filtern</translation>
    </message>
    <message>
        <source>Title, artist or album: the start of each word typed, or &quot;words in quotes&quot; in a row; Esc clears, Enter opens the first song, Down goes to the list (Ctrl+Shift+F searches inside songs)</source>
        <translation>Titel, Interpret oder Album: der Anfang jedes eingegebenen Wortes oder &quot;Wörter in Anführungszeichen&quot; direkt hintereinander; Esc leert das Feld, Enter öffnet das erste Lied, Pfeil nach unten wechselt zur Liste (Strg+Umschalt+F sucht in den Liedern)</translation>
    </message>
</context>
<context>
    <name>SongFindBar</name>
    <message>
        <source>Find in this song: words, word*, &quot;a phrase&quot;</source>
        <translation>In diesem Lied suchen: Wörter, Wort*, &quot;eine Wortfolge&quot;</translation>
    </message>
    <message>
        <source>Find in this song</source>
        <translation>In diesem Lied suchen</translation>
    </message>
    <message>
        <source>Enter or F3: next match; Shift+Enter or Shift+F3: previous; Esc closes</source>
        <translation>Enter oder F3: nächster Treffer; Umschalt+Enter oder Umschalt+F3: vorheriger; Esc schließt</translation>
    </message>
    <message>
        <source>Matches in this song</source>
        <translation>Treffer in diesem Lied</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Close find</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} von {total}</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SongListModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Interpret</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>Zuletzt hinzugefügt</translation>
    </message>
</context>
<context>
    <name>SongTitleDelegate</name>
    <message>
        <source>Song title</source>
        <translation>Liedtitel</translation>
    </message>
</context>
<context>
    <name>SongToolbar</name>
    <message>
        <source>Song actions</source>
        <translation>Liedaktionen</translation>
    </message>
</context>
<context>
    <name>SongTrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Songs in the trash</source>
        <translation>Lieder im Papierkorb</translation>
    </message>
    <message>
        <source>Songs in the trash keep their articles and highlights. Restore a song to put it back.</source>
        <translation>Lieder im Papierkorb behalten ihre Artikel und Markierungen. Stellen Sie ein Lied wieder her, um es zurückzuholen.</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>Wiede&amp;rherstellen</translation>
    </message>
    <message>
        <source>Restore song</source>
        <translation>Lied wiederherstellen</translation>
    </message>
    <message>
        <source>Put the selected songs back in the library (Alt+R)</source>
        <translation>Die ausgewählten Lieder in die Bibliothek zurücklegen (Alt+R)</translation>
    </message>
    <message>
        <source>{song}
Moved to the trash {date}</source>
        <translation>{song}
In den Papierkorb verschoben: {date}</translation>
    </message>
</context>
<context>
    <name>SortButton</name>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Sort songs by title</source>
        <translation>Lieder nach Titel sortieren</translation>
    </message>
    <message>
        <source>Sort songs: title</source>
        <translation>Lieder sortieren: Titel</translation>
    </message>
    <message>
        <source>Sorted by title</source>
        <translation>Nach Titel sortiert</translation>
    </message>
    <message>
        <source>&amp;Artist</source>
        <translation>&amp;Interpret</translation>
    </message>
    <message>
        <source>Sort songs by artist</source>
        <translation>Lieder nach Interpret sortieren</translation>
    </message>
    <message>
        <source>Sort songs: artist</source>
        <translation>Lieder sortieren: Interpret</translation>
    </message>
    <message>
        <source>Sorted by artist</source>
        <translation>Nach Interpret sortiert</translation>
    </message>
    <message>
        <source>Recently &amp;Changed</source>
        <translation>Zuletzt &amp;geändert</translation>
    </message>
    <message>
        <source>Sort songs by recently changed</source>
        <translation>Lieder nach letzter Änderung sortieren</translation>
    </message>
    <message>
        <source>Sort songs: recently changed</source>
        <translation>Lieder sortieren: zuletzt geändert</translation>
    </message>
    <message>
        <source>Sorted by recently changed</source>
        <translation>Nach letzter Änderung sortiert</translation>
    </message>
    <message>
        <source>Recently A&amp;dded</source>
        <translation>Zuletzt &amp;hinzugefügt</translation>
    </message>
    <message>
        <source>Sort songs by recently added</source>
        <translation>Lieder nach Hinzufügedatum sortieren</translation>
    </message>
    <message>
        <source>Sort songs: recently added</source>
        <translation>Lieder sortieren: zuletzt hinzugefügt</translation>
    </message>
    <message>
        <source>Sorted by recently added</source>
        <translation>Nach Hinzufügedatum sortiert</translation>
    </message>
    <message>
        <source>&amp;Sort Songs By</source>
        <translation>Lieder &amp;sortieren nach</translation>
    </message>
    <message>
        <source>Sort songs by</source>
        <translation>Lieder sortieren nach</translation>
    </message>
    <message>
        <source>Sort songs</source>
        <translation>Lieder sortieren</translation>
    </message>
</context>
<context>
    <name>StateCommand</name>
    <message>
        <source>Could not undo “{action}”: {reason}. The undo history was cleared because it no longer matches the library.</source>
        <translation>„{action}“ konnte nicht rückgängig gemacht werden: {reason}. Der Rückgängig-Verlauf wurde geleert, da er nicht mehr zur Bibliothek passt.</translation>
    </message>
    <message>
        <source>Could not redo “{action}”: {reason}. The undo history was cleared because it no longer matches the library.</source>
        <translation>„{action}“ konnte nicht wiederhergestellt werden: {reason}. Der Rückgängig-Verlauf wurde geleert, da er nicht mehr zur Bibliothek passt.</translation>
    </message>
</context>
<context>
    <name>StudyCorrections</name>
    <message>
        <source>Correct Syllables</source>
        <translation>Silben korrigieren</translation>
    </message>
    <message>
        <source>Correct Stress</source>
        <translation>Betonung korrigieren</translation>
    </message>
    <message>
        <source>Correct Rhyme Letter</source>
        <translation>Reimbuchstaben korrigieren</translation>
    </message>
    <message>
        <source>Correct Section Boundary</source>
        <translation>Abschnittsgrenze korrigieren</translation>
    </message>
    <message>
        <source>Reset Syllables</source>
        <translation>Silben zurücksetzen</translation>
    </message>
    <message>
        <source>Reset Stress</source>
        <translation>Betonung zurücksetzen</translation>
    </message>
    <message>
        <source>Reset Rhyme Letter</source>
        <translation>Reimbuchstaben zurücksetzen</translation>
    </message>
    <message>
        <source>Reset Section Boundary</source>
        <translation>Abschnittsgrenze zurücksetzen</translation>
    </message>
    <message>
        <source>“{field}” cannot be corrected (only {fields})</source>
        <translation>„{field}“ kann nicht korrigiert werden (nur {fields})</translation>
    </message>
    <message>
        <source>Reset {field}</source>
        <translation>{field} zurücksetzen</translation>
    </message>
</context>
<context>
    <name>StudyMargin</name>
    <message numerus="yes">
        <source>No stress pattern: the computed one ({computed}) has %n syllable(s), not {syllables}; correct the stress pattern to give one</source>
        <translation>
            <numerusform>Kein Betonungsmuster: Das berechnete ({computed}) hat %n Silbe, nicht {syllables}; korrigieren Sie das Betonungsmuster, um eines festzulegen</numerusform>
            <numerusform>Kein Betonungsmuster: Das berechnete ({computed}) hat %n Silben, nicht {syllables}; korrigieren Sie das Betonungsmuster, um eines festzulegen</numerusform>
        </translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>Zeile {number}</translation>
    </message>
    <message>
        <source>lines {numbers} and {last}</source>
        <translation>Zeilen {numbers} und {last}</translation>
    </message>
    <message>
        <source>Study margin</source>
        <translation>Analysespalte</translation>
    </message>
    <message>
        <source>Syllables, stress and rhyme letter of each line; double-click a value to correct it.</source>
        <translation>Silben, Betonung und Reimbuchstabe jeder Zeile; doppelklicken Sie auf einen Wert, um ihn zu korrigieren.</translation>
    </message>
    <message>
        <source>chords</source>
        <translation>Akkorde</translation>
    </message>
    <message numerus="yes">
        <source>Line {line} is sung %n time(s): also at {lines}</source>
        <translation>
            <numerusform>Zeile {line} wird %n-mal gesungen: auch in {lines}</numerusform>
            <numerusform>Zeile {line} wird %n-mal gesungen: auch in {lines}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syllable(s) (backing vocals)</source>
        <translation>
            <numerusform>%n Silbe (Begleitgesang)</numerusform>
            <numerusform>%n Silben (Begleitgesang)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syllable(s)</source>
        <translation>
            <numerusform>%n Silbe</numerusform>
            <numerusform>%n Silben</numerusform>
        </translation>
    </message>
    <message>
        <source>Stress: {stress}</source>
        <translation>Betonung: {stress}</translation>
    </message>
    <message>
        <source>Stress: {stress}  (/ stressed, x unstressed)</source>
        <translation>Betonung: {stress}  (/ betont, x unbetont)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>corrected (computed: {value})</source>
        <translation>korrigiert (berechnet: {value})</translation>
    </message>
    <message>
        <source>Double-click to correct; right-click for more.</source>
        <translation>Doppelklick zum Korrigieren; Rechtsklick für mehr.</translation>
    </message>
    <message>
        <source>Rhyme {letter}: no partner here</source>
        <translation>Reim {letter}: hier ohne Reimpartner</translation>
    </message>
    <message>
        <source>Rhyme {letter}: near rhyme with {lines}</source>
        <translation>Reim {letter}: unreiner Reim mit {lines}</translation>
    </message>
    <message>
        <source>Rhyme {letter}: rhyme by spelling with {lines}</source>
        <translation>Reim {letter}: Augenreim mit {lines}</translation>
    </message>
    <message>
        <source>Rhyme {letter}: rhyme with {lines}</source>
        <translation>Reim {letter}: Reim mit {lines}</translation>
    </message>
</context>
<context>
    <name>StudyOutline</name>
    <message>
        <source>Lines {first}–{last}</source>
        <translation>Zeilen {first}–{last}</translation>
    </message>
    <message>
        <source>Lines {first}–{last} (found from the blank lines, no header)</source>
        <translation>Zeilen {first}–{last} (anhand der Leerzeilen erkannt, ohne Überschrift)</translation>
    </message>
    <message>
        <source>The same lyrics as the section at line {line}</source>
        <translation>Derselbe Liedtext wie im Abschnitt ab Zeile {line}</translation>
    </message>
    <message>
        <source>Click to go there; right-click to annotate it or change its boundary.</source>
        <translation>Klicken, um dorthin zu springen; Rechtsklick, um eine Anmerkung hinzuzufügen oder die Grenze zu ändern.</translation>
    </message>
    <message>
        <source>Song sections</source>
        <translation>Liedabschnitte</translation>
    </message>
</context>
<context>
    <name>StudyState</name>
    <message>
        <source>Loading the pronunciation dictionary…</source>
        <translation>Aussprachewörterbuch wird geladen…</translation>
    </message>
</context>
<context>
    <name>StudyViewController</name>
    <message>
        <source>Correct Syllables</source>
        <translation>Silben korrigieren</translation>
    </message>
    <message>
        <source>Syllables in line {line}:</source>
        <translation>Silben in Zeile {line}:</translation>
    </message>
    <message>
        <source>Correct Stress</source>
        <translation>Betonung korrigieren</translation>
    </message>
    <message>
        <source>Stress of line {line} (x unstressed, / stressed):</source>
        <translation>Betonung von Zeile {line} (x unbetont, / betont):</translation>
    </message>
    <message>
        <source>Correct Rhyme Letter</source>
        <translation>Reimbuchstaben korrigieren</translation>
    </message>
    <message>
        <source>Rhyme letter of line {line} (A, B, C…):</source>
        <translation>Reimbuchstabe von Zeile {line} (A, B, C…):</translation>
    </message>
    <message>
        <source>Start Section Here</source>
        <translation>Abschnitt hier beginnen</translation>
    </message>
    <message>
        <source>Name of the section starting at line {line}:</source>
        <translation>Name des Abschnitts ab Zeile {line}:</translation>
    </message>
    <message>
        <source>Correct Syllables…</source>
        <translation>Silben korrigieren…</translation>
    </message>
    <message>
        <source>Reset Syllables to Computed</source>
        <translation>Silben auf berechneten Wert zurücksetzen</translation>
    </message>
    <message>
        <source>Correct Stress…</source>
        <translation>Betonung korrigieren…</translation>
    </message>
    <message>
        <source>Reset Stress to Computed</source>
        <translation>Betonung auf berechneten Wert zurücksetzen</translation>
    </message>
    <message>
        <source>Correct Rhyme Letter…</source>
        <translation>Reimbuchstaben korrigieren…</translation>
    </message>
    <message>
        <source>Reset Rhyme Letter to Computed</source>
        <translation>Reimbuchstaben auf berechneten Wert zurücksetzen</translation>
    </message>
    <message>
        <source>Stress Patterns Even If Lines &amp;Wrap</source>
        <translation>Betonungsmuster auch bei &amp;umbrochenen Zeilen</translation>
    </message>
    <message>
        <source>Show the study view&apos;s stress patterns even where the lyrics must wrap beside them (off: shown only where there is room)</source>
        <translation>Die Betonungsmuster der Analyseansicht auch dort anzeigen, wo der Liedtext daneben umbrochen werden muss (aus: nur, wo Platz ist)</translation>
    </message>
    <message>
        <source>The study view is being computed again for the edited lyrics: try again in a moment.</source>
        <translation>Die Analyseansicht wird für den bearbeiteten Liedtext neu berechnet: Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>&amp;Study View</source>
        <translation>Anal&amp;yseansicht</translation>
    </message>
    <message>
        <source>Sections, syllables, stress and rhyme scheme beside the lyrics</source>
        <translation>Abschnitte, Silben, Betonung und Reimschema neben dem Liedtext</translation>
    </message>
    <message>
        <source>The study view could not be computed: {reason}</source>
        <translation>Die Analyseansicht konnte nicht berechnet werden: {reason}</translation>
    </message>
    <message>
        <source>Computing the Study View Again…</source>
        <translation>Analyseansicht wird neu berechnet…</translation>
    </message>
    <message>
        <source>Start Section Here…</source>
        <translation>Abschnitt hier beginnen…</translation>
    </message>
    <message>
        <source>Remove Section Boundary</source>
        <translation>Abschnittsgrenze entfernen</translation>
    </message>
    <message>
        <source>Annotate Rhyme Group {letter}</source>
        <translation>Anmerkung zur Reimgruppe {letter}</translation>
    </message>
    <message>
        <source>Annotate Repeated Line (×{times})</source>
        <translation>Anmerkung zur wiederholten Zeile (×{times})</translation>
    </message>
    <message>
        <source>Annotate Section “{name}”</source>
        <translation>Anmerkung zum Abschnitt „{name}“</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>Annotate Section</source>
        <translation>Anmerkung zum Abschnitt</translation>
    </message>
    <message>
        <source>Rename Section…</source>
        <translation>Abschnitt umbenennen…</translation>
    </message>
    <message>
        <source>Nothing to annotate in rhyme group {letter}.</source>
        <translation>In der Reimgruppe {letter} gibt es nichts zu kommentieren.</translation>
    </message>
    <message>
        <source>Nothing to annotate in the line.</source>
        <translation>In der Zeile gibt es nichts zu kommentieren.</translation>
    </message>
    <message>
        <source>Nothing to annotate in the section.</source>
        <translation>Im Abschnitt gibt es nichts zu kommentieren.</translation>
    </message>
</context>
<context>
    <name>TagAndNext</name>
    <message>
        <source>T or Space: stamp and next · Backspace: undo · Enter: save · Esc: cancel</source>
        <translation>T oder Leertaste: Zeit setzen und weiter · Backspace: rückgängig · Enter: speichern · Esc: abbrechen</translation>
    </message>
    <message>
        <source>This song has no lyric lines to time.</source>
        <translation>Dieses Lied hat keine Liedtextzeilen, denen Zeiten zugewiesen werden können.</translation>
    </message>
    <message>
        <source>Setting times: press T or Space to start the clock. {keys}</source>
        <translation>Zeiten setzen: Drücken Sie T oder Leertaste, um die Uhr zu starten. {keys}</translation>
    </message>
    <message>
        <source>Clock running: stamp line {line} as it starts. {keys}</source>
        <translation>Uhr läuft: Setzen Sie die Zeit von Zeile {line}, sobald sie beginnt. {keys}</translation>
    </message>
    <message>
        <source>Every line has its time: Enter saves, Backspace takes the last one back.</source>
        <translation>Jede Zeile hat ihre Zeit: Enter speichert, Backspace nimmt die letzte zurück.</translation>
    </message>
    <message>
        <source>Not stamped: {reason}. Shift+T stamps it anyway.</source>
        <translation>Nicht gesetzt: {reason}. Umschalt+T setzt die Zeit trotzdem.</translation>
    </message>
    <message>
        <source>Line {line} at {time} · all stamped: Enter saves · {keys}</source>
        <translation>Zeile {line} bei {time} · alle gesetzt: Enter speichert · {keys}</translation>
    </message>
    <message>
        <source>Line {line} at {time} · next: line {next} · {keys}</source>
        <translation>Zeile {line} bei {time} · nächste: Zeile {next} · {keys}</translation>
    </message>
    <message>
        <source>Took back line {line}&apos;s time. {keys}</source>
        <translation>Zeit von Zeile {line} zurückgenommen. {keys}</translation>
    </message>
    <message>
        <source>No time stamped yet. {keys}</source>
        <translation>Noch keine Zeit gesetzt. {keys}</translation>
    </message>
    <message>
        <source>Set Line Times cancelled: the times were not changed.</source>
        <translation>Zeilenzeiten setzen abgebrochen: Die Zeiten wurden nicht geändert.</translation>
    </message>
    <message>
        <source>Save Line Times</source>
        <translation>Zeilenzeiten speichern</translation>
    </message>
    <message>
        <source>The times go backwards at line {lines}: a line would start before a line above it. Save them anyway?</source>
        <translation>Die Zeiten laufen bei Zeile {lines} rückwärts: Eine Zeile würde vor einer darüberliegenden beginnen. Trotzdem speichern?</translation>
    </message>
    <message>
        <source>Not saved: times go backwards at line {lines}. {keys}</source>
        <translation>Nicht gespeichert: Die Zeiten laufen bei Zeile {lines} rückwärts. {keys}</translation>
    </message>
    <message numerus="yes">
        <source>Saved the times of %n line(s). {undo}</source>
        <translation>
            <numerusform>Zeit von %n Zeile gespeichert. {undo}</numerusform>
            <numerusform>Zeiten von %n Zeilen gespeichert. {undo}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextPage</name>
    <message>
        <source>Lyrics</source>
        <translation>Liedtext</translation>
    </message>
    <message>
        <source>Twinkle, twinkle, little star</source>
        <translation>Twinkle, twinkle, little star</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>The song was first printed in 1806.</source>
        <translation>Das Lied wurde erstmals 1806 gedruckt.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Listen for the rhyme of star and are.</source>
        <translation>Achten Sie auf den Reim von „star“ und „are“.</translation>
    </message>
    <message>
        <source>The translation beside the lyrics uses the lyrics&apos; font, so each line stays beside its lyric. View &gt; Bigger Text adds to these sizes.</source>
        <translation>Die Übersetzung neben dem Liedtext verwendet dessen Schriftart, damit jede Zeile neben ihrer Liedtextzeile bleibt. Ansicht &gt; Text vergrößern wirkt zusätzlich zu diesen Größen.</translation>
    </message>
</context>
<context>
    <name>TimingEdits</name>
    <message>
        <source>Set Line Times</source>
        <translation>Zeilenzeiten setzen</translation>
    </message>
    <message>
        <source>Set Note Time</source>
        <translation>Notizzeit setzen</translation>
    </message>
    <message>
        <source>Clear Note Time</source>
        <translation>Notizzeit entfernen</translation>
    </message>
</context>
<context>
    <name>TranslationEdits</name>
    <message>
        <source>Import Translation</source>
        <translation>Übersetzung importieren</translation>
    </message>
    <message>
        <source>Translation of {song}</source>
        <translation>Übersetzung von {song}</translation>
    </message>
    <message>
        <source>Edit Translation</source>
        <translation>Übersetzung bearbeiten</translation>
    </message>
    <message>
        <source>the song {id}</source>
        <translation>das Lied {id}</translation>
    </message>
    <message>
        <source>Remove Translation</source>
        <translation>Übersetzung entfernen</translation>
    </message>
</context>
<context>
    <name>TranslationPane</name>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Editing the translation, one line per lyric line; changes are saved as you type.</source>
        <translation>Die Übersetzung wird bearbeitet, eine Zeile pro Liedtextzeile; Änderungen werden beim Tippen gespeichert.</translation>
    </message>
    <message>
        <source>The song&apos;s translation, line by line beside the lyrics. Select text to highlight it with a lens.</source>
        <translation>Die Übersetzung des Lieds, Zeile für Zeile neben dem Liedtext. Wählen Sie Text aus, um ihn mit einer Linse zu markieren.</translation>
    </message>
</context>
<context>
    <name>TranslationView</name>
    <message>
        <source>This song has no translation: File &gt; Import Translation… or Edit &gt; Paste Translation gives it one</source>
        <translation>Dieses Lied hat keine Übersetzung: Datei &gt; Übersetzung importieren… oder Bearbeiten &gt; Übersetzung einfügen fügt eine hinzu</translation>
    </message>
    <message>
        <source>The article is hidden beside the translation: too narrow for both ({keys} hides the translation).</source>
        <translation>Der Artikel ist neben der Übersetzung ausgeblendet: zu schmal für beide ({keys} blendet die Übersetzung aus).</translation>
    </message>
    <message>
        <source>Editing the translation · {keys} to finish</source>
        <translation>Übersetzung wird bearbeitet · {keys} zum Beenden</translation>
    </message>
    <message>
        <source>Translation heading</source>
        <translation>Überschrift der Übersetzung</translation>
    </message>
    <message>
        <source>&amp;Translation</source>
        <translation>&amp;Übersetzung</translation>
    </message>
    <message>
        <source>The song&apos;s translation beside its lyrics</source>
        <translation>Die Übersetzung des Lieds neben dem Liedtext</translation>
    </message>
    <message>
        <source>Import &amp;Translation…</source>
        <translation>&amp;Übersetzung importieren…</translation>
    </message>
    <message>
        <source>Give the song a translation from a text file with its lines, or an LRC with its times</source>
        <translation>Dem Lied eine Übersetzung geben: aus einer Textdatei mit ihren Zeilen oder einer LRC-Datei mit ihren Zeiten</translation>
    </message>
    <message>
        <source>Paste T&amp;ranslation</source>
        <translation>Übersetzung einfü&amp;gen</translation>
    </message>
    <message>
        <source>Give the song the translation on the clipboard (its lines, one per lyric line)</source>
        <translation>Dem Lied die Übersetzung aus der Zwischenablage geben (ihre Zeilen, eine pro Liedtextzeile)</translation>
    </message>
    <message>
        <source>Edit Tra&amp;nslation</source>
        <translation>Übersetzung &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Type in the translation, line by line; saved as you type</source>
        <translation>Die Übersetzung Zeile für Zeile eingeben; wird beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>Re&amp;move Translation</source>
        <translation>Übersetzung ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the song&apos;s translation (Undo brings it back)</source>
        <translation>Die Übersetzung des Lieds entfernen (Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>Edit &gt; Edit Translation</source>
        <translation>Bearbeiten &gt; Übersetzung bearbeiten</translation>
    </message>
    <message>
        <source>Editing · {keys} to finish</source>
        <translation>Bearbeitung · {keys} zum Beenden</translation>
    </message>
    <message>
        <source>{keys} to finish</source>
        <translation>{keys} zum Beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) translated</source>
        <translation>
            <numerusform>%n Zeile übersetzt</numerusform>
            <numerusform>%n Zeilen übersetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>Line by line beside the lyrics: line i translates lyric line i</source>
        <translation>Zeile für Zeile neben dem Liedtext: Zeile i übersetzt Liedtextzeile i</translation>
    </message>
    <message>
        <source>Import Translation</source>
        <translation>Übersetzung importieren</translation>
    </message>
    <message>
        <source>Translations ({patterns})</source>
        <translation>Übersetzungen ({patterns})</translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation>Alle Dateien ({patterns})</translation>
    </message>
    <message>
        <source>The clipboard holds no text to take as a translation.</source>
        <translation>Die Zwischenablage enthält keinen Text, der als Übersetzung dienen kann.</translation>
    </message>
    <message>
        <source>Paste Translation</source>
        <translation>Übersetzung einfügen</translation>
    </message>
    <message>
        <source>The translation was not stored: {reason}.</source>
        <translation>Die Übersetzung wurde nicht gespeichert: {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>Translation stored: {translated}, %n line(s) of the lyrics without one. Ctrl+Z undoes.</source>
        <translation>
            <numerusform>Übersetzung gespeichert: {translated}, %n Liedtextzeile ohne Übersetzung. Strg+Z macht dies rückgängig.</numerusform>
            <numerusform>Übersetzung gespeichert: {translated}, %n Liedtextzeilen ohne Übersetzung. Strg+Z macht dies rückgängig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Translation stored: {translated}. Ctrl+Z undoes.</source>
        <translation>Übersetzung gespeichert: {translated}. Strg+Z macht dies rückgängig.</translation>
    </message>
    <message>
        <source>Replace Translation</source>
        <translation>Übersetzung ersetzen</translation>
    </message>
    <message>
        <source>This song has a translation already. Replace it? (Undo brings it back.)</source>
        <translation>Dieses Lied hat bereits eine Übersetzung. Ersetzen? (Rückgängig holt sie zurück.)</translation>
    </message>
    <message>
        <source>Translation Not Stored</source>
        <translation>Übersetzung nicht gespeichert</translation>
    </message>
    <message>
        <source>Translation removed. Ctrl+Z brings it back.</source>
        <translation>Übersetzung entfernt. Strg+Z holt sie zurück.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Undo {command}</source>
        <translation>&amp;Rückgängig: {command}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo {command}</source>
        <translation>&amp;Wiederherstellen: {command}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Filter &amp;Annotations</source>
        <translation>Anmerkungen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Search Library…</source>
        <translation>Bibliothek &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>Search every song&apos;s lyrics, articles, notes and tags</source>
        <translation>Liedtexte, Artikel, Notizen und Schlagwörter aller Lieder durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Find in Song…</source>
        <translation>Im Lied &amp;suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Weitersu&amp;chen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Rückwärts suc&amp;hen</translation>
    </message>
    <message>
        <source>Highlight with &amp;Last Lens</source>
        <translation>Mit &amp;zuletzt verwendeter Linse markieren</translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation>&amp;Notiz bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>Markierung &amp;löschen</translation>
    </message>
    <message>
        <source>Edit &amp;Lyrics</source>
        <translation>Lied&amp;text bearbeiten</translation>
    </message>
    <message>
        <source>Edit &amp;Article</source>
        <translation>&amp;Artikel bearbeiten</translation>
    </message>
    <message>
        <source>New Ar&amp;ticle</source>
        <translation>Neuer Ar&amp;tikel</translation>
    </message>
    <message>
        <source>Le&amp;nses…</source>
        <translation>L&amp;insen…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export annotations as Markdown, lyricpad JSON or W3C Web Annotations</source>
        <translation>Anmerkungen als Markdown, lyricpad JSON oder W3C Web Annotations exportieren</translation>
    </message>
    <message>
        <source>&amp;Publish Article…</source>
        <translation>Artikel &amp;veröffentlichen…</translation>
    </message>
    <message>
        <source>Publish the article shown as a blog post or an Obsidian note (Markdown or HTML)</source>
        <translation>Den angezeigten Artikel als Blogbeitrag oder Obsidian-Notiz veröffentlichen (Markdown oder HTML)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <source>Back up the library now, or restore an automatic backup</source>
        <translation>Die Bibliothek jetzt sichern oder eine automatische Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation>Bibliothek p&amp;rüfen…</translation>
    </message>
    <message>
        <source>Look for damage: pages, links, the search index, highlights off their words; repair what can be</source>
        <translation>Nach Schäden suchen: Seiten, Verknüpfungen, Suchindex, von ihren Wörtern verrutschte Markierungen; reparieren, was möglich ist</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Bigger Text</source>
        <translation>Text ver&amp;größern</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>Text ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation>&amp;Normale Textgröße</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Highlight With</source>
        <translation>&amp;Markieren mit</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Line &amp;Numbers</source>
        <translation>Zeilennu&amp;mmern</translation>
    </message>
    <message>
        <source>&amp;Filter Songs</source>
        <translation>&amp;Lieder filtern</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About lyricpad</source>
        <translation>&amp;Über lyricpad</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Highlight toolbar</source>
        <translation>Markierungsleiste</translation>
    </message>
    <message>
        <source>Highlight the selection as {lens} ({key}).
{snap_tip}</source>
        <translation>Auswahl als {lens} markieren ({key}).
{snap_tip}</translation>
    </message>
    <message>
        <source>Highlight the selection as {lens}.
{snap_tip}</source>
        <translation>Auswahl als {lens} markieren.
{snap_tip}</translation>
    </message>
</context>
<context>
    <name>WindowEditing</name>
    <message>
        <source>Untitled article</source>
        <translation>Unbenannter Artikel</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <source>Lyrics ({patterns});;All files ({all})</source>
        <translation>Liedtexte ({patterns});;Alle Dateien ({all})</translation>
    </message>
    <message>
        <source>Import Lyrics</source>
        <translation>Liedtext importieren</translation>
    </message>
    <message>
        <source>Another song is open now: the lyrics file was not imported.</source>
        <translation>Inzwischen ist ein anderes Lied geöffnet: Die Liedtextdatei wurde nicht importiert.</translation>
    </message>
    <message>
        <source>The song already has lyrics now: the file was not imported.</source>
        <translation>Das Lied hat inzwischen bereits einen Liedtext: Die Datei wurde nicht importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n line(s) of lyrics from “{source}”. {undo_hint}</source>
        <translation>
            <numerusform>%n Liedtextzeile aus „{source}“ importiert. {undo_hint}</numerusform>
            <numerusform>%n Liedtextzeilen aus „{source}“ importiert. {undo_hint}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowHighlighting</name>
    <message>
        <source>Nothing was highlighted, and the text stays selected: press the lens key again to choose.</source>
        <translation>Es wurde nichts markiert, und der Text bleibt ausgewählt: Drücken Sie die Linsentaste erneut, um zu wählen.</translation>
    </message>
    <message numerus="yes">
        <source>“{quote}” occurs %n time(s): highlight…</source>
        <translation>
            <numerusform>„{quote}“ kommt %n-mal vor: markieren…</numerusform>
            <numerusform>„{quote}“ kommt %n-mal vor: markieren…</numerusform>
        </translation>
    </message>
    <message>
        <source>Select some text first, or click line numbers to take whole lines.</source>
        <translation>Wählen Sie zuerst Text aus oder klicken Sie auf Zeilennummern, um ganze Zeilen zu übernehmen.</translation>
    </message>
    <message>
        <source>Highlight which occurrence</source>
        <translation>Welches Vorkommen markieren</translation>
    </message>
    <message>
        <source>&amp;This Occurrence</source>
        <translation>&amp;Dieses Vorkommen</translation>
    </message>
    <message>
        <source>Highlight only the text selected</source>
        <translation>Nur den ausgewählten Text markieren</translation>
    </message>
    <message>
        <source>&amp;Every Occurrence ({count})</source>
        <translation>&amp;Alle Vorkommen ({count})</translation>
    </message>
    <message numerus="yes">
        <source>One annotation over all %n place(s) this text occurs, sharing one note</source>
        <translation>
            <numerusform>Eine Anmerkung über %n Stelle, an der dieser Text vorkommt, mit einer gemeinsamen Notiz</numerusform>
            <numerusform>Eine Anmerkung über alle %n Stellen, an denen dieser Text vorkommt, mit einer gemeinsamen Notiz</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in the lyrics first, then choose Place at Selection ({shortcut}).</source>
        <translation>Wählen Sie zuerst im Liedtext die Wörter aus, zu denen diese Markierung gehört, und wählen Sie dann „An Auswahl setzen“ ({shortcut}).</translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in the translation first, then choose Place at Selection ({shortcut}).</source>
        <translation>Wählen Sie zuerst in der Übersetzung die Wörter aus, zu denen diese Markierung gehört, und wählen Sie dann „An Auswahl setzen“ ({shortcut}).</translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in its article first, then choose Place at Selection ({shortcut}).</source>
        <translation>Wählen Sie zuerst in ihrem Artikel die Wörter aus, zu denen diese Markierung gehört, und wählen Sie dann „An Auswahl setzen“ ({shortcut}).</translation>
    </message>
    <message>
        <source>Highlight placed on {place}. Ctrl+Z undoes.</source>
        <translation>Markierung gesetzt: {place}. Strg+Z macht dies rückgängig.</translation>
    </message>
    <message>
        <source>Highlight anchored at its proposed place, {place}. Ctrl+Z undoes.</source>
        <translation>Markierung an ihrer vorgeschlagenen Stelle verankert: {place}. Strg+Z macht dies rückgängig.</translation>
    </message>
    <message>
        <source>The words of this highlight are gone from the lyrics; its quote and note are kept. Select the words it belongs to, then Place at Selection ({shortcut}).</source>
        <translation>Die Wörter dieser Markierung sind nicht mehr im Liedtext; Zitat und Notiz bleiben erhalten. Wählen Sie die Wörter aus, zu denen sie gehört, dann „An Auswahl setzen“ ({shortcut}).</translation>
    </message>
    <message>
        <source>The words of this highlight are gone from the translation; its quote and note are kept. Select the words it belongs to, then Place at Selection ({shortcut}).</source>
        <translation>Die Wörter dieser Markierung sind nicht mehr in der Übersetzung; Zitat und Notiz bleiben erhalten. Wählen Sie die Wörter aus, zu denen sie gehört, dann „An Auswahl setzen“ ({shortcut}).</translation>
    </message>
    <message>
        <source>The words of this highlight are gone from the article; its quote and note are kept. Select the words it belongs to, then Place at Selection ({shortcut}).</source>
        <translation>Die Wörter dieser Markierung sind nicht mehr im Artikel; Zitat und Notiz bleiben erhalten. Wählen Sie die Wörter aus, zu denen sie gehört, dann „An Auswahl setzen“ ({shortcut}).</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) (needs|need) review: see Needs review in the Annotations panel.</source>
        <translation>
            <numerusform>%n Anmerkung muss überprüft werden: siehe „Zu überprüfen“ in der Leiste „Anmerkungen“.</numerusform>
            <numerusform>%n Anmerkungen müssen überprüft werden: siehe „Zu überprüfen“ in der Leiste „Anmerkungen“.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>The saved window layout did not fit this screen: the default layout is back.</source>
        <translation>Das gespeicherte Fensterlayout passte nicht auf diesen Bildschirm: Das Standardlayout wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>The lyrics do not fit beside the Library: hide Annotations and Note ({keys}) to give them room.</source>
        <translation>Der Liedtext passt nicht neben die Bibliothek: Blenden Sie Anmerkungen und Notiz aus ({keys}), um Platz zu schaffen.</translation>
    </message>
</context>
<context>
    <name>WindowLinks</name>
    <message>
        <source>&amp;Link to Lyrics Lines</source>
        <translation>Mit Liedtextzeilen ver&amp;knüpfen</translation>
    </message>
    <message>
        <source>Link the text selected in the article to the lines selected in the lyrics</source>
        <translation>Den im Artikel ausgewählten Text mit den im Liedtext ausgewählten Zeilen verknüpfen</translation>
    </message>
    <message>
        <source>U&amp;nlink from Lyrics</source>
        <translation>Verknüpfung mit Liedtext a&amp;ufheben</translation>
    </message>
    <message>
        <source>Stop linking the quotation at the cursor in the article to the lyrics</source>
        <translation>Die Verknüpfung des Zitats an der Cursorposition im Artikel mit dem Liedtext aufheben</translation>
    </message>
    <message>
        <source>&amp;Quotes</source>
        <translation>&amp;Zitate</translation>
    </message>
    <message>
        <source>List the articles&apos; quotations of the lyrics, the keyboard in the list</source>
        <translation>Die Zitate aus dem Liedtext in den Artikeln auflisten (Tastaturfokus in der Liste)</translation>
    </message>
    <message>
        <source>That quotation is not linked to the lyrics any more.</source>
        <translation>Dieses Zitat ist nicht mehr mit dem Liedtext verknüpft.</translation>
    </message>
    <message>
        <source>“{quote}” quotes {lines} (misquoted).</source>
        <translation>„{quote}“ zitiert {lines} (falsch zitiert).</translation>
    </message>
    <message>
        <source>“{quote}” quotes {lines}.</source>
        <translation>„{quote}“ zitiert {lines}.</translation>
    </message>
    <message>
        <source>No article quotes line {line}.</source>
        <translation>Kein Artikel zitiert Zeile {line}.</translation>
    </message>
    <message>
        <source>That quotation is not shown in its article any more.</source>
        <translation>Dieses Zitat wird in seinem Artikel nicht mehr angezeigt.</translation>
    </message>
    <message>
        <source>Line {line} is quoted in “{quote}” in {article} ({index} of {count}): click the mark again for the next.</source>
        <translation>Zeile {line} wird in „{quote}“ in {article} zitiert ({index} von {count}): Klicken Sie erneut auf das Zeichen, um zum nächsten Zitat zu gelangen.</translation>
    </message>
    <message>
        <source>Line {line} is quoted in “{quote}” in {article}.</source>
        <translation>Zeile {line} wird in „{quote}“ in {article} zitiert.</translation>
    </message>
    <message>
        <source>“{quote}” in {article} quotes {lines} (misquoted).</source>
        <translation>„{quote}“ in {article} zitiert {lines} (falsch zitiert).</translation>
    </message>
    <message>
        <source>“{quote}” in {article} quotes {lines}.</source>
        <translation>„{quote}“ in {article} zitiert {lines}.</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>an untitled article</source>
        <translation>einem unbenannten Artikel</translation>
    </message>
    <message>
        <source>The quotation is no longer linked to the lyrics. {keys} undoes.</source>
        <translation>Das Zitat ist nicht mehr mit dem Liedtext verknüpft. {keys} macht dies rückgängig.</translation>
    </message>
    <message>
        <source>Put the cursor in an underlined quotation in the article, then Unlink from Lyrics.</source>
        <translation>Setzen Sie den Cursor in ein unterstrichenes Zitat im Artikel und wählen Sie dann „Verknüpfung mit Liedtext aufheben“.</translation>
    </message>
    <message>
        <source>Select the quoted words in the article and the lines in the lyrics, then Link to Lyrics Lines ({keys}).</source>
        <translation>Wählen Sie die zitierten Wörter im Artikel und die Zeilen im Liedtext aus, dann „Mit Liedtextzeilen verknüpfen“ ({keys}).</translation>
    </message>
    <message>
        <source>The selection holds only quotation marks or punctuation: select the quoted words.</source>
        <translation>Die Auswahl enthält nur Anführungs- oder Satzzeichen: Wählen Sie die zitierten Wörter aus.</translation>
    </message>
    <message>
        <source>Select the lines it quotes in the lyrics (click or drag their numbers), then Link to Lyrics Lines ({keys}).</source>
        <translation>Wählen Sie im Liedtext die Zeilen aus, die zitiert werden (auf ihre Nummern klicken oder darüber ziehen), dann „Mit Liedtextzeilen verknüpfen“ ({keys}).</translation>
    </message>
    <message>
        <source>Quotation linked to {lines}. {keys} undoes.</source>
        <translation>Zitat mit {lines} verknüpft. {keys} macht dies rückgängig.</translation>
    </message>
    <message>
        <source>&amp;Link to Lyrics Lines {first}–{last}</source>
        <translation>Mit Liedtextzeilen {first}–{last} ver&amp;knüpfen</translation>
    </message>
    <message>
        <source>&amp;Link to Lyrics Line {line}</source>
        <translation>Mit Liedtextzeile {line} ver&amp;knüpfen</translation>
    </message>
    <message>
        <source>U&amp;nlink “{quote}” from Lyrics</source>
        <translation>Verknüpfung von „{quote}“ mit Liedtext a&amp;ufheben</translation>
    </message>
</context>
<context>
    <name>WindowPreferences</name>
    <message>
        <source>{path} exists already. A new library needs a name no file has yet.</source>
        <translation>{path} existiert bereits. Eine neue Bibliothek braucht einen Namen, den noch keine Datei hat.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>Open Another Library</source>
        <translation>Andere Bibliothek öffnen</translation>
    </message>
    <message>
        <source>lyricpad libraries ({patterns})</source>
        <translation>lyricpad-Bibliotheken ({patterns})</translation>
    </message>
    <message>
        <source>Create New Library</source>
        <translation>Neue Bibliothek erstellen</translation>
    </message>
    <message>
        <source>{path} is the library open in this window.</source>
        <translation>{path} ist die in diesem Fenster geöffnete Bibliothek.</translation>
    </message>
    <message>
        <source>The new library was made at {path}, but lyricpad could not be started on it. This window stays open. Start it with: {command}</source>
        <translation>Die neue Bibliothek wurde unter {path} angelegt, aber lyricpad konnte damit nicht gestartet werden. Dieses Fenster bleibt offen. Starten Sie es mit: {command}</translation>
    </message>
    <message>
        <source>lyricpad could not be started on {path}. This window stays open. Start it with: {command}</source>
        <translation>lyricpad konnte mit {path} nicht gestartet werden. Dieses Fenster bleibt offen. Starten Sie es mit: {command}</translation>
    </message>
    <message>
        <source>{path} opened in a second lyricpad window; this one stays open.</source>
        <translation>{path} wurde in einem zweiten lyricpad-Fenster geöffnet; dieses bleibt offen.</translation>
    </message>
    <message>
        <source>The library could not be made: {reason}</source>
        <translation>Die Bibliothek konnte nicht erstellt werden: {reason}</translation>
    </message>
</context>
<context>
    <name>WindowSafety</name>
    <message>
        <source>Another program changed the library: its changes are shown, and the undo history was cleared.</source>
        <translation>Ein anderes Programm hat die Bibliothek geändert: Seine Änderungen werden angezeigt, und der Rückgängig-Verlauf wurde geleert.</translation>
    </message>
    <message>
        <source>Everything is saved now.</source>
        <translation>Alles ist jetzt gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved yet, retrying…</source>
        <translation>
            <numerusform>%n Änderung noch nicht gespeichert, neuer Versuch…</numerusform>
            <numerusform>%n Änderungen noch nicht gespeichert, neuer Versuch…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved</source>
        <translation>
            <numerusform>%n Änderung nicht gespeichert</numerusform>
            <numerusform>%n Änderungen nicht gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>The library could not be written (a full disk, a lock held by another program, damage...). What you did is kept in this window and saved as soon as possible; on quitting, lyricpad asks before anything is lost and can save a copy of what you typed.</source>
        <translation>Die Bibliothek konnte nicht geschrieben werden (volle Festplatte, Sperre durch ein anderes Programm, Beschädigung ...). Ihre Änderungen bleiben in diesem Fenster erhalten und werden so bald wie möglich gespeichert; beim Beenden fragt lyricpad nach, bevor etwas verloren geht, und kann eine Kopie Ihrer Eingaben speichern.</translation>
    </message>
    <message>
        <source>The copy was not saved: {reason}</source>
        <translation>Die Kopie wurde nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Saved a copy of the unsaved changes to {path}</source>
        <translation>Eine Kopie der nicht gespeicherten Änderungen wurde unter {path} gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be saved in the library.</source>
        <translation>
            <numerusform>%n Änderung konnte nicht in der Bibliothek gespeichert werden.</numerusform>
            <numerusform>%n Änderungen konnten nicht in der Bibliothek gespeichert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>lyricpad tried again at {time} and failed: {reason}</source>
        <translation>lyricpad hat es um {time} erneut versucht, ohne Erfolg: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) (was|were) refused for good, but what you typed is kept here.</source>
        <translation>
            <numerusform>%n Änderung wurde endgültig abgelehnt, aber Ihre Eingaben bleiben hier erhalten.</numerusform>
            <numerusform>%n Änderungen wurden endgültig abgelehnt, aber Ihre Eingaben bleiben hier erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry, save a copy of what you typed as a Markdown file, or quit without them. (Cancel keeps the window open.)</source>
        <translation>Erneut versuchen, eine Kopie Ihrer Eingaben als Markdown-Datei speichern oder ohne sie beenden. (Abbrechen lässt das Fenster geöffnet.)</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Änderungen nicht gespeichert</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Save a Copy as Markdown and Quit…</source>
        <translation>Kopie als Markdown &amp;speichern und beenden…</translation>
    </message>
    <message>
        <source>&amp;Quit Anyway</source>
        <translation>&amp;Trotzdem beenden</translation>
    </message>
    <message>
        <source>Save a Copy of the Unsaved Changes, then Quit</source>
        <translation>Kopie der nicht gespeicherten Änderungen speichern, dann beenden</translation>
    </message>
    <message>
        <source>Markdown ({patterns})</source>
        <translation>Markdown ({patterns})</translation>
    </message>
</context>
<context>
    <name>_QuoteCounts</name>
    <message numerus="yes">
        <source>and %n more line(s)</source>
        <translation>
            <numerusform>und %n weitere Zeile</numerusform>
            <numerusform>und %n weitere Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>handout</name>
    <message>
        <source>cannot print the handout: the printer or file could not be opened</source>
        <translation>das Handout kann nicht gedruckt werden: Der Drucker oder die Datei konnte nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>highlights</name>
    <message>
        <source>No lens</source>
        <translation>Keine Linse</translation>
    </message>
    <message>
        <source>&lt;i&gt;No note&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Notiz&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Proposed place&lt;/b&gt; for: {about}&lt;br&gt;&lt;small&gt;The text was edited — accept it in the annotations panel.&lt;/small&gt;</source>
        <translation>&lt;b&gt;Vorgeschlagene Stelle&lt;/b&gt; für: {about}&lt;br&gt;&lt;small&gt;Der Text wurde bearbeitet – bestätigen Sie sie in der Leiste „Anmerkungen“.&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Cannot open the song asked for: {error}</source>
        <translation>Das angeforderte Lied kann nicht geöffnet werden: {error}</translation>
    </message>
    <message>
        <source>Cannot open the link: {error}</source>
        <translation>Der Link kann nicht geöffnet werden: {error}</translation>
    </message>
</context>
<context>
    <name>library_listing</name>
    <message>
        <source>No songs match “{words}”</source>
        <translation>Keine Lieder passen zu „{words}“</translation>
    </message>
    <message>
        <source>No songs yet.
New Song… ({keys}) adds one.</source>
        <translation>Noch keine Lieder.
Neues Lied… ({keys}) fügt eines hinzu.</translation>
    </message>
</context>
<context>
    <name>open_app_link</name>
    <message>
        <source>The song of this link is not in the library open here ({library}):
{link}

Links name songs by their id in the library that wrote them (its export, or another library opened with --library), or the song was deleted.</source>
        <translation>Das Lied dieses Links ist nicht in der hier geöffneten Bibliothek ({library}):
{link}

Links benennen Lieder über ihre ID in der Bibliothek, die sie geschrieben hat (deren Export oder eine andere, mit --library geöffnete Bibliothek), oder das Lied wurde gelöscht.</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The annotation of this link is not in this song any more.</source>
        <translation>Die Anmerkung dieses Links ist nicht mehr in diesem Lied.</translation>
    </message>
    <message>
        <source>The annotation of this link is in the trash: restore it to see it in the text.</source>
        <translation>Die Anmerkung dieses Links ist im Papierkorb: Stellen Sie sie wieder her, um sie im Text zu sehen.</translation>
    </message>
</context>
<context>
    <name>word_snap</name>
    <message>
        <source>A mouse selection takes whole words; hold Alt while dragging to keep the exact characters.</source>
        <translation>Eine Mausauswahl erfasst ganze Wörter; halten Sie beim Ziehen Alt gedrückt, um genau die markierten Zeichen zu behalten.</translation>
    </message>
</context>
</TS>
