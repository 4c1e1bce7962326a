<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a song&apos;s lyrics beside an article about it, and highlight and annotate both. Offline: your library is one SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory (nothing is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not kept in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About lyricpad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy these details, to paste them into a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad&apos;s icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotatingPage</name>
    <message>
        <source>Default lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;lens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight with Last Lens (Ctrl+H) uses this lens until you highlight with another one. If the lens is deleted, the first lens is used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>No note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationEdits</name>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Proposed Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on “{quote}” ({song})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note of the highlight {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationFilterBar</name>
    <message>
        <source>Filter quotes, notes, #tags ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter annotations by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the annotations whose quote, note or tags hold every word typed (the start of a word is enough; &quot;words in quotes&quot; in a row), case and accents ignored. Esc clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter annotations by lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter annotations by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show quotations of the lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the articles&apos; quotations linked to the lyric lines they quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n annotation(s) shown (the trash not counted)</source>
        <translation>
            <numerusform>{shown} of %n annotation shown (the trash not counted)</numerusform>
            <numerusform>{shown} of %n annotations shown (the trash not counted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n quotation(s) shown</source>
        <translation>
            <numerusform>{shown} of %n quotation shown</numerusform>
            <numerusform>{shown} of %n quotations shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationModel</name>
    <message>
        <source>needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orphaned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review: the text was edited; check that this highlight still covers the right words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphaned: the highlighted words are gone from the text; the note is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights whose text was edited or is gone: check each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted highlights of this song: Del or Ctrl+Shift+R on one restores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{group}, %n annotation(s)</source>
        <translation>
            <numerusform>{group}, %n annotation</numerusform>
            <numerusform>{group}, %n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>No lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lens}: {quote}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: {tags}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphaned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsListing</name>
    <message>
        <source>No lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n place</numerusform>
            <numerusform>%n places</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>No annotations on this song yet.

Select words in the lyrics or the article and highlight them with a lens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No song is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No annotation matches the filters.

Esc in the filter box clears the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article quotes the lyrics yet.

Select a quotation in the article and lines in the lyrics, then Link to Lyrics Lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quotation matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsView</name>
    <message>
        <source>Annotations list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space: go to the passage. Enter: edit the note. Delete: move to the trash, or restore from it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleBrowser</name>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article is empty: press Edit to write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink “{quote}” from Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a quotation of the lyrics: stop linking it (Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to &lt;b&gt;{href}&lt;/b&gt;&lt;br&gt;&lt;small&gt;Links are not opened from lyricpad.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image &lt;b&gt;{source}&lt;/b&gt;&lt;br&gt;&lt;small&gt;Images are not loaded; this is its description.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleEdits</name>
    <message>
        <source>New Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the article {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article “{title}” of {song}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the article “{title}” of {song}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleEmptyPage</name>
    <message>
        <source>Start an article: draft your analysis here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleHeading</name>
    <message>
        <source>Article heading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticlePane</name>
    <message>
        <source>Editing the Markdown source · saved as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the article&apos;s Markdown source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new, blank article for this song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the rendered article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleSourceEdit</name>
    <message>
        <source>Article Markdown source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write in Markdown: # a heading, *emphasis*, **strong**, &gt; a quote, - a list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleSourceEditor</name>
    <message>
        <source>Article title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleTabs</name>
    <message>
        <source>Next Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}, article {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no folder: the library is in memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>lyricpad backs the library up before an upgrade, when you quit, and every %n minute(s) while you work; it keeps the newest few and one a day. They are in {folder}.</source>
        <translation>
            <numerusform>lyricpad backs the library up before an upgrade, when you quit, and every %n minute while you work; it keeps the newest few and one a day. They are in {folder}.</numerusform>
            <numerusform>lyricpad backs the library up before an upgrade, when you quit, and every %n minutes while you work; it keeps the newest few and one a day. They are in {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backups list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace everything in the library with the backup {name}?

The library as it is now is backed up first, so this can be undone by restoring that backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library was restored from {backup}. The state before is kept as {safety}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair what can be repaired; the library is backed up first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked again: {headline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library could not be checked: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library was not repaired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColoursPage</name>
    <message>
        <source>Sample of the light palette&apos;s style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample of the dark palette&apos;s style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style on a light palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style on a dark palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light palette:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark palette:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The style in use follows the system&apos;s palette: light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamageWatch</name>
    <message>
        <source>The library could not be checked: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{damage}; lyricpad no longer saves changes to it (quit and open it again to restore a backup or salvage it, or use File &gt; Check Library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index could not be checked: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedLibraryDialog</name>
    <message>
        <source>lyricpad — the library is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad — the library cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The library {name} is damaged.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The library {name} cannot be opened.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad found this while checking the library in the background, and saves nothing to it any more: it has not changed it. Choose what to do: the window closes, does it and opens the library again; the damaged file is kept beside the library with “-damaged-” in its name. Or keep reading it as it is (read-only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad has not changed it. Choose what to do; whatever you choose, the file is kept beside the library with “-damaged-” in its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has been set aside, unchanged, as {name}. Choose another way out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}

File: {path}

{kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a backup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a backup (there are none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Salvage what can still be read into a new library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Salvage (impossible: the file is not an SQLite database at all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a &amp;new library (with only the demo song)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library was restored from the backup of {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new library was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} The damaged file is kept as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>the song {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptySongHint</name>
    <message>
        <source>Add this song&apos;s lyrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to add lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &gt; Undo undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text on the clipboard this song&apos;s lyrics ({undo_hint})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a lyrics file (.txt, .lrc) this song&apos;s lyrics, with an LRC file&apos;s times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type Them ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the lyrics to Edit mode and type them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export To File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the preview to the clipboard (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview is shortened; Copy and Save take all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s) to the clipboard.</source>
        <translation>
            <numerusform>Copied %n line to the clipboard.</numerusform>
            <numerusform>Copied %n lines to the clipboard.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export To Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported {done} of %n song(s)</source>
        <translation>
            <numerusform>Exported {done} of %n song</numerusform>
            <numerusform>Exported {done} of %n songs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportLabels</name>
    <message>
        <source>The export failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save writes one Markdown file per song ({count}), plus {index} linking them, into a folder you choose. The preview shows the file of “{song}”. Songs exported there before are written over the same files; a file lyricpad did not write is never replaced (the export takes another name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad JSON holds the whole library, the trash included: a backup that File &gt; Import merges back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W3C Web Annotations, for other annotation tools; File &gt; Import merges them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One Markdown document with the %n song(s).</source>
        <translation>
            <numerusform>One Markdown document with the %n song.</numerusform>
            <numerusform>One Markdown document with the %n songs.</numerusform>
        </translation>
    </message>
    <message>
        <source>One Markdown document with this song&apos;s annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library is big: the preview shows only “{song}”; Copy takes the preview, Save all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after {done} of %n song(s); the files written to {target} are complete, the index was not written.</source>
        <translation>
            <numerusform>Export cancelled after {done} of %n song; the files written to {target} are complete, the index was not written.</numerusform>
            <numerusform>Export cancelled after {done} of %n songs; the files written to {target} are complete, the index was not written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {target}: {names}.</source>
        <translation>
            <numerusform>Wrote %n file to {target}: {names}.</numerusform>
            <numerusform>Wrote %n files to {target}: {names}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportOptionsPanel</name>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad JSON (whole library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W3C Web Annotations (JSON-LD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blog post (CommonMark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obsidian note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics, then each article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Markdown for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ull lyrics (highlighted lines marked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote every line of the lyrics, not only the highlighted words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes as foot&amp;notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation &amp;ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cheme letters and syllable counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the full lyrics with each line&apos;s syllable count and rhyme letter after it, as ⟨8 · A⟩, each section under a heading (your corrections included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Save writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This song: “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All songs ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad JSON always holds the whole library (for backup and merging)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put each note in a footnote under the quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footnotes are for the blog profile of Markdown (Obsidian shows notes in callouts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put an HTML comment holding its id before each annotation (hidden once published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ids are an option of the blog profile of Markdown (an Obsidian note always has block ids)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPreview</name>
    <message>
        <source>Export preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileImporter</name>
    <message>
        <source>“{file}” cannot be imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoutActions</name>
    <message>
        <source>&amp;Print Handout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the song&apos;s lyrics, numbered, with its highlights, notes and lenses (and the article shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Handout as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the song&apos;s lyrics, numbered, with its highlights, notes and lenses (and the article shown) as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handout with Scheme Letters and S&amp;yllable Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print each lyric line&apos;s syllable count and rhyme letter after it, as ⟨8 · A⟩, and name the sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the handout to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handout was not printed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent the handout to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Handout as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Paste as New &amp;Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new song of the lyrics on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste as New &amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new article of the open song from the clipboard (formatting of web pages kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pasted article belongs to a song: open a song first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What does “{name}” hold?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lyrics (a new song)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An &amp;article of “{song}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a song first to import the file as one of its articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library already has {song} with the same lyrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing it again makes a second copy of the song.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the Existing Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) (was|were) not imported:

{messages}</source>
        <translation>
            <numerusform>%n file was not imported:

{messages}</numerusform>
            <numerusform>%n files were not imported:

{messages}</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” would be an article of the open song, but no song is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “{name}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “{name}” ({number} of {total})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportLabels</name>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRC lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (HTML, cleaned: nothing in it is fetched or run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is the page&apos;s own; change anything before importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title and artist come from the file&apos;s LRC tags; change them if they are wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title and artist come from the file name (“Artist - Title”); change them if they are wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing names this song: type its title (and artist) before importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected: {encoding}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{titles} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted HTML (headings, quotes and emphasis kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{count} line(s), {timed} timed</source>
        <translation>
            <numerusform>{count} line, {timed} timed</numerusform>
            <numerusform>{count} lines, {timed} timed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} line(s)</source>
        <translation>
            <numerusform>{count} line</numerusform>
            <numerusform>{count} lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} line(s) (looks|look) like page furniture (bylines, buttons, related links). Tick the ones to leave out; the rest of the text is kept as it is.</source>
        <translation>
            <numerusform>{count} line looks like page furniture (bylines, buttons, related links). Tick the ones to leave out; the rest of the text is kept as it is.</numerusform>
            <numerusform>{count} lines look like page furniture (bylines, buttons, related links). Tick the ones to leave out; the rest of the text is kept as it is.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preview (the first {shown} of {total} line(s))</source>
        <translation>
            <numerusform>Preview (the first {shown} of {total} line)</numerusform>
            <numerusform>Preview (the first {shown} of {total} lines)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} new song(s)</source>
        <translation>
            <numerusform>{count} new song</numerusform>
            <numerusform>{count} new songs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{titles} (new song(s))</source>
        <translation>
            <numerusform>{titles} (new song)</numerusform>
            <numerusform>{titles} (new songs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} article(s) of “{song}”</source>
        <translation>
            <numerusform>{count} article of “{song}”</numerusform>
            <numerusform>{count} articles of “{song}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {count} file(s): {parts}</source>
        <translation>
            <numerusform>Imported {count} file: {parts}</numerusform>
            <numerusform>Imported {count} files: {parts}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <source>Import Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new song from the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new song from “{source}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An article of “{song}” from the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An article of “{song}” from “{source}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed: the title of the song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Artist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the text looks wrong, choose the encoding it was saved in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave &amp;Out All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page furniture to leave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {number}: {line}  ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {number}: {line}
Looks like {reason}. Tick to leave it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file as {encoding}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new item a title first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageHint</name>
    <message>
        <source>Study view hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hint}: &lt;a href=&quot;{href}&quot; style=&quot;color:{colour}&quot;&gt;Song Details…&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study view reads a song without a language as English: its syllables, stress and rhymes follow the English dictionary. Give the song its language to count them by its rules.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time lyricpad starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LensDialog</name>
    <message>
        <source>Lenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lenses dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys 1–9 highlight a selection with the first nine lenses, in this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lens}, colour {colour}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LensEdits</name>
    <message>
        <source>New Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recolour Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Lens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LensOrderCommand</name>
    <message>
        <source>Move Lens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LensSwatch</name>
    <message>
        <source>Lens colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryCare</name>
    <message>
        <source>The library&apos;s search index was damaged, so your change could not be saved. lyricpad rebuilt it from your songs, articles and notes, and saved your change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library&apos;s search index was damaged, which would have stopped changes from being saved. lyricpad rebuilt it from your songs, articles and notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup of the library as it was is in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library&apos;s search index is damaged and could not be rebuilt: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not restored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library was not repaired: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The backup was not restored: %n change(s) still (waits|wait) to be saved; restore once they are saved (or quit without them).</source>
        <translation>
            <numerusform>The backup was not restored: %n change still waits to be saved; restore once they are saved (or quit without them).</numerusform>
            <numerusform>The backup was not restored: %n changes still wait to be saved; restore once they are saved (or quit without them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The library was not repaired: %n change(s) still (waits|wait) to be saved; repair once they are saved (or quit without them).</source>
        <translation>
            <numerusform>The library was not repaired: %n change still waits to be saved; repair once they are saved (or quit without them).</numerusform>
            <numerusform>The library was not repaired: %n changes still wait to be saved; repair once they are saved (or quit without them).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryExporter</name>
    <message>
        <source>the library has no songs to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no song is open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>In memory (nothing is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Another Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create New Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this library at &amp;start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another library opens in a new lyricpad window and this one closes. With &quot;Open this library at start&quot; ticked, the library you open or create is the one lyricpad opens when it is started without --library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibrarySearch</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open that hit: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F3 opens the next hit, Shift+F3 the previous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more hits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first hit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibrarySearchPanel</name>
    <message>
        <source>lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyrics highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>article highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>translation highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>article “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search lyrics, articles, notes, tags: word*, &quot;a phrase&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word must occur (case and accents ignored); the start of a word is enough; &quot;words in quotes&quot; in a row. Enter opens the first hit, Down goes to the list, F3 the next hit; Esc clears the words, then closes the panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only annotations needing review or orphaned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only annotations with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only songs of this artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n+ hit(s).</source>
        <translation>
            <numerusform>%n+ hit.</numerusform>
            <numerusform>%n+ hits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s).</source>
        <translation>
            <numerusform>%n hit.</numerusform>
            <numerusform>%n hits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>{action} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Song…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a song to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import lyrics (.txt, .lrc: new songs) or articles of the open song (.txt, .md, .html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit song details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the title, artist, album, year or language of the selected song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the title of the selected song in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected song to the trash (Edit › Undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the songs in the trash and restore them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics and articles ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Song actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A song needs a title. The song keeps its old one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryWorker</name>
    <message>
        <source>the check failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the check of the library&apos;s pages failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the check of the search index failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study view failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the work failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineNumberGutter</name>
    <message>
        <source>Line numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a line number to select the line; drag or Shift+click to select several lines.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkEdits</name>
    <message>
        <source>Link Quotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink Quotation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LyricsEditing</name>
    <message>
        <source>No lyrics yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste the lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing the lyrics; changes are saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text or line numbers to highlight them with a lens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LyricsPane</name>
    <message>
        <source>Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Quotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where an article quotes this line (again for the next quotation)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>lyricpad main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Song heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library: in memory (nothing is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library has no songs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing the lyrics: saved as you pause typing · {keys} to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} — {song} (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} — {song}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n song(s)</source>
        <translation>
            <numerusform>%n song</numerusform>
            <numerusform>%n songs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>{songs}  │  this song: {articles}, {annotations}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste as lyrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted the lyrics. {undo_hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{keys} undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &gt; Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NamesOnlyIconProvider</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{suffix} File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteCommand</name>
    <message>
        <source>Edit Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Select a highlight to write a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text was edited: check that this highlight still covers the right words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The highlighted words are gone from the text; the note is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This highlight is in the trash: restore it ({shortcut}) to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lens of this highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown; saved while you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note… Markdown works: **bold**, *italic*, - lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to preview yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write or preview the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the note rendered ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the note as Markdown ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated by commas or spaces; Enter applies them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tags: #theme, imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this highlight and its note to the trash ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this highlight out of the trash ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote: {quote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[image: {name}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines {first} … {last} ({count} places)</source>
        <comment>count is 4 or more</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} · {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} · proposed: {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} · was {place}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteTimeRow</name>
    <message>
        <source>Note time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is about no moment of the song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the note&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>♪ at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise from {time}: the moment this note is about</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaneFontRow</name>
    <message>
        <source>Font family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font sample</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pending</name>
    <message>
        <source>(its text could not be read back: {reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written on {moment} from the window on {library}, which could not save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad: changes not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy what you need back into lyricpad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other changes not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostSource</name>
    <message>
        <source>Post source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeBar</name>
    <message>
        <source>Play along with a local audio file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the practice clock (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the start of the loop, or of the song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the line before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed of the audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave practice mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} · line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop the section being sung (none with times here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop lines {first}–{last}, the section being sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing along with {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeClock</name>
    <message>
        <source>Audio files (*.mp3 *.ogg *.oga *.opus *.flac *.wav *.m4a *.aac);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeMode</name>
    <message>
        <source>&amp;Practice Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Line &amp;Times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp Note with &amp;Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the current note with the practice clock&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play Along with &amp;Audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the lyrics along their LRC times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This song has no LRC times: Edit &gt; Set Line Times… gives it some</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the lyrics by tapping a key as each line starts (tag and next)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This song has no lyrics to time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This song has no LRC times: Edit &gt; Set Line Times… gives it some.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock is at {time}. This song has no LRC times: Edit &gt; Set Line Times… gives it some.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these lines has a time: nothing to loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looping lines {first}–{last} ({start}–{end})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looping lines {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play Along with Audio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Blog post (CommonMark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obsidian note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inline, after the paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Post for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full HTML &amp;page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole web page (title, character set, a little style) rather than a fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation &amp;ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark each note with its annotation&apos;s id (an HTML comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lens names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name each note&apos;s lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show HTML so&amp;urce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the HTML as it is copied and saved, not as a page shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the post to the clipboard (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the post to a file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML is made from the blog post; an Obsidian note is Markdown for a vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No song is open: there is no article to publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{song}” has no article to publish. Write one beside the lyrics with File &gt; New Article (Ctrl+Shift+N), then publish it from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article to publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No post to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}”, about “{song}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied the post (%n line(s)) to the clipboard.</source>
        <translation>
            <numerusform>Copied the post (%n line) to the clipboard.</numerusform>
            <numerusform>Copied the post (%n lines) to the clipboard.</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind} ({patterns});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the post to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteLinksList</name>
    <message>
        <source>“{quote}” for “{lyrics}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the words differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines {numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Quotes {lines} of the lyrics&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;misquoted:&lt;/i&gt; {differences}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show the lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoted in &lt;b&gt;{title}&lt;/b&gt;: “{quote}” &lt;i&gt;(misquoted)&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoted in &lt;b&gt;{title}&lt;/b&gt;: “{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go to the quotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click for the next quotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misquoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misquoted: {differences}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(added by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotations list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or a click: go to the quotation and the lyric lines it quotes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenderedPost</name>
    <message>
        <source>Post as rendered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Nothing to accept: no place was found for this highlight&apos;s words in the edited text. Select the words it belongs to, then choose Place at Selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept Proposed Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place at Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place at Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in its text, then put it there ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this highlight and its note to the trash (Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anchor this highlight at the place proposed for it, {place} ({shortcut}; Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a highlight that needs review first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs review.&lt;/b&gt; The lyrics changed; a place was found for this highlight ({place}, hatched and boxed in its lens colour).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs review.&lt;/b&gt; The translation changed; a place was found for this highlight ({place}, hatched and boxed in its lens colour).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs review.&lt;/b&gt; The article changed; a place was found for this highlight ({place}, hatched and boxed in its lens colour).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Orphaned.&lt;/b&gt; Its words are gone from the lyrics; the quote and note are kept. Select the words it belongs to in the lyrics, then &lt;i&gt;Place at Selection&lt;/i&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Orphaned.&lt;/b&gt; Its words are gone from the translation; the quote and note are kept. Select the words it belongs to in the translation, then &lt;i&gt;Place at Selection&lt;/i&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Orphaned.&lt;/b&gt; Its words are gone from the article; the quote and note are kept. Select the words it belongs to in the article, then &lt;i&gt;Place at Selection&lt;/i&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <source>&amp;Go to Passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <source>{problem}; rebuilding it failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{change}” was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{change}” could not be saved: {reason}. What you typed is kept in this window: when you quit, lyricpad offers to save a copy of it as Markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“{change}” is not saved yet: {reason}. It is kept in the window and saved as soon as the library can be written (lyricpad tries again every %n second(s)).</source>
        <translation>
            <numerusform>“{change}” is not saved yet: {reason}. It is kept in the window and saved as soon as the library can be written (lyricpad tries again every %n second).</numerusform>
            <numerusform>“{change}” is not saved yet: {reason}. It is kept in the window and saved as soon as the library can be written (lyricpad tries again every %n seconds).</numerusform>
        </translation>
    </message>
    <message>
        <source>{change} ({about}): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} ({about})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an in-memory library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavingPage</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each editor&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save after a &amp;pause of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save at least &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up at most &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save after a pause of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save at least every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up at most every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups are made while changes happen. Beyond the newest ones, one backup a day is kept for two weeks, and backups you made yourself are never deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>automatic backup(s)</source>
        <translation>
            <numerusform>automatic backup</numerusform>
            <numerusform>automatic backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetAsideWatch</name>
    <message>
        <source>syllables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rhyme letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} correction ({value}) of line {line} was set aside: its line was edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} correction of line {line} was set aside: its line was edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n study correction(s) (was|were) set aside: their line was edited ({lines}).</source>
        <translation>
            <numerusform>%n study correction was set aside: their line was edited ({lines}).</numerusform>
            <numerusform>%n study corrections were set aside: their line was edited ({lines}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study correction(s) (was|were) set aside: their lines were edited ({lines}).</source>
        <translation>
            <numerusform>%n study correction was set aside: their lines were edited ({lines}).</numerusform>
            <numerusform>%n study corrections were set aside: their lines were edited ({lines}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action, menu or key ({key}, Edit, lens…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shortcut(s)</source>
        <translation>
            <numerusform>%n shortcut</numerusform>
            <numerusform>%n shortcuts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n shortcut(s)</source>
        <translation>
            <numerusform>{shown} of %n shortcut</numerusform>
            <numerusform>{shown} of %n shortcuts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SongDialog</name>
    <message>
        <source>New Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Song Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Album</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Artist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Al&amp;bum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save song details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A song needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year must be a number from 1 to 9999.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SongEdits</name>
    <message>
        <source>New Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Song Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics of {song}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Song</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SongFilterEdit</name>
    <message>
        <source>Filter songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title, artist or album: the start of each word typed, or &quot;words in quotes&quot; in a row; Esc clears, Enter opens the first song, Down goes to the list (Ctrl+Shift+F searches inside songs)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SongFindBar</name>
    <message>
        <source>Find in this song: words, word*, &quot;a phrase&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or F3: next match; Shift+Enter or Shift+F3: previous; Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches in this song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SongListModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SongTitleDelegate</name>
    <message>
        <source>Song title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SongToolbar</name>
    <message>
        <source>Song actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SongTrashDialog</name>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs in the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs in the trash keep their articles and highlights. Restore a song to put it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected songs back in the library (Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{song}
Moved to the trash {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SortButton</name>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs by title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs: title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs by artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs: artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently &amp;Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs by recently changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs: recently changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by recently changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently A&amp;dded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs by recently added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs: recently added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by recently added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sort Songs By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort songs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateCommand</name>
    <message>
        <source>Could not undo “{action}”: {reason}. The undo history was cleared because it no longer matches the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo “{action}”: {reason}. The undo history was cleared because it no longer matches the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyCorrections</name>
    <message>
        <source>Correct Syllables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Rhyme Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Section Boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Syllables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Rhyme Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Section Boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” cannot be corrected (only {fields})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset {field}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyMargin</name>
    <message>
        <source>line {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines {numbers} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syllables, stress and rhyme letter of each line; double-click a value to correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chords</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Line {line} is sung %n time(s): also at {lines}</source>
        <translation>
            <numerusform>Line {line} is sung %n time: also at {lines}</numerusform>
            <numerusform>Line {line} is sung %n times: also at {lines}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syllable(s) (backing vocals)</source>
        <translation>
            <numerusform>%n syllable (backing vocals)</numerusform>
            <numerusform>%n syllables (backing vocals)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syllable(s)</source>
        <translation>
            <numerusform>%n syllable</numerusform>
            <numerusform>%n syllables</numerusform>
        </translation>
    </message>
    <message>
        <source>Stress: {stress}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stress: {stress}  (/ stressed, x unstressed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected (computed: {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to correct; right-click for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No stress pattern: the computed one ({computed}) has %n syllable(s), not {syllables}; correct the stress pattern to give one</source>
        <translation>
            <numerusform>No stress pattern: the computed one ({computed}) has %n syllable, not {syllables}; correct the stress pattern to give one</numerusform>
            <numerusform>No stress pattern: the computed one ({computed}) has %n syllables, not {syllables}; correct the stress pattern to give one</numerusform>
        </translation>
    </message>
    <message>
        <source>Rhyme {letter}: no partner here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rhyme {letter}: near rhyme with {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rhyme {letter}: rhyme by spelling with {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rhyme {letter}: rhyme with {lines}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyOutline</name>
    <message>
        <source>Lines {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines {first}–{last} (found from the blank lines, no header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same lyrics as the section at line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go there; right-click to annotate it or change its boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Song sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyState</name>
    <message>
        <source>Loading the pronunciation dictionary…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyViewController</name>
    <message>
        <source>Correct Syllables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syllables in line {line}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stress of line {line} (x unstressed, / stressed):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Rhyme Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rhyme letter of line {line} (A, B, C…):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Section Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the section starting at line {line}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Syllables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Syllables to Computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Stress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Stress to Computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Rhyme Letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Rhyme Letter to Computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stress Patterns Even If Lines &amp;Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the study view&apos;s stress patterns even where the lyrics must wrap beside them (off: shown only where there is room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study view is being computed again for the edited lyrics: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Study View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections, syllables, stress and rhyme scheme beside the lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study view could not be computed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the Study View Again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Section Here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Section Boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate Rhyme Group {letter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate Repeated Line (×{times})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate Section “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Section…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to annotate in rhyme group {letter}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to annotate in the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to annotate in the section.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagAndNext</name>
    <message>
        <source>T or Space: stamp and next · Backspace: undo · Enter: save · Esc: cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This song has no lyric lines to time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting times: press T or Space to start the clock. {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock running: stamp line {line} as it starts. {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every line has its time: Enter saves, Backspace takes the last one back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stamped: {reason}. Shift+T stamps it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} at {time} · all stamped: Enter saves · {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} at {time} · next: line {next} · {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took back line {line}&apos;s time. {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time stamped yet. {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Line Times cancelled: the times were not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Line Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The times go backwards at line {lines}: a line would start before a line above it. Save them anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: times go backwards at line {lines}. {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved the times of %n line(s). {undo}</source>
        <translation>
            <numerusform>Saved the times of %n line. {undo}</numerusform>
            <numerusform>Saved the times of %n lines. {undo}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextPage</name>
    <message>
        <source>Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twinkle, twinkle, little star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The song was first printed in 1806.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen for the rhyme of star and are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The translation beside the lyrics uses the lyrics&apos; font, so each line stays beside its lyric. View &gt; Bigger Text adds to these sizes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimingEdits</name>
    <message>
        <source>Set Line Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Note Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Note Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationEdits</name>
    <message>
        <source>Import Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation of {song}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the song {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Translation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationPane</name>
    <message>
        <source>Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing the translation, one line per lyric line; changes are saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The song&apos;s translation, line by line beside the lyrics. Select text to highlight it with a lens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationView</name>
    <message>
        <source>This song has no translation: File &gt; Import Translation… or Edit &gt; Paste Translation gives it one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article is hidden beside the translation: too narrow for both ({keys} hides the translation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing the translation · {keys} to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The song&apos;s translation beside its lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Translation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the song a translation from a text file with its lines, or an LRC with its times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste T&amp;ranslation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the song the translation on the clipboard (its lines, one per lyric line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Tra&amp;nslation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type in the translation, line by line; saved as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the song&apos;s translation (Undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &gt; Edit Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing · {keys} to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{keys} to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) translated</source>
        <translation>
            <numerusform>%n line translated</numerusform>
            <numerusform>%n lines translated</numerusform>
        </translation>
    </message>
    <message>
        <source>Line by line beside the lyrics: line i translates lyric line i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translations ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to take as a translation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The translation was not stored: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Translation stored: {translated}, %n line(s) of the lyrics without one. Ctrl+Z undoes.</source>
        <translation>
            <numerusform>Translation stored: {translated}, %n line of the lyrics without one. Ctrl+Z undoes.</numerusform>
            <numerusform>Translation stored: {translated}, %n lines of the lyrics without one. Ctrl+Z undoes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Translation stored: {translated}. Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This song has a translation already. Replace it? (Undo brings it back.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation Not Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation removed. Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Undo {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter &amp;Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every song&apos;s lyrics, articles, notes and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Song…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight with &amp;Last Lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Ar&amp;ticle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le&amp;nses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export annotations as Markdown, lyricpad JSON or W3C Web Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish Article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the article shown as a blog post or an Obsidian note (Markdown or HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the library now, or restore an automatic backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for damage: pages, links, the search index, highlights off their words; repair what can be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bigger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line &amp;Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About lyricpad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selection as {lens} ({key}).
{snap_tip}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selection as {lens}.
{snap_tip}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowEditing</name>
    <message>
        <source>Untitled article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <source>Lyrics ({patterns});;All files ({all})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another song is open now: the lyrics file was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The song already has lyrics now: the file was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n line(s) of lyrics from “{source}”. {undo_hint}</source>
        <translation>
            <numerusform>Imported %n line of lyrics from “{source}”. {undo_hint}</numerusform>
            <numerusform>Imported %n lines of lyrics from “{source}”. {undo_hint}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowHighlighting</name>
    <message>
        <source>Nothing was highlighted, and the text stays selected: press the lens key again to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“{quote}” occurs %n time(s): highlight…</source>
        <translation>
            <numerusform>“{quote}” occurs %n time: highlight…</numerusform>
            <numerusform>“{quote}” occurs %n times: highlight…</numerusform>
        </translation>
    </message>
    <message>
        <source>Select some text first, or click line numbers to take whole lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight which occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This Occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight only the text selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Every Occurrence ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One annotation over all %n place(s) this text occurs, sharing one note</source>
        <translation>
            <numerusform>One annotation over all %n place this text occurs, sharing one note</numerusform>
            <numerusform>One annotation over all %n places this text occurs, sharing one note</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in the lyrics first, then choose Place at Selection ({shortcut}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in the translation first, then choose Place at Selection ({shortcut}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the words this highlight belongs to in its article first, then choose Place at Selection ({shortcut}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight placed on {place}. Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight anchored at its proposed place, {place}. Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words of this highlight are gone from the lyrics; its quote and note are kept. Select the words it belongs to, then Place at Selection ({shortcut}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words of this highlight are gone from the translation; its quote and note are kept. Select the words it belongs to, then Place at Selection ({shortcut}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words of this highlight are gone from the article; its quote and note are kept. Select the words it belongs to, then Place at Selection ({shortcut}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) (needs|need) review: see Needs review in the Annotations panel.</source>
        <translation>
            <numerusform>%n annotation needs review: see Needs review in the Annotations panel.</numerusform>
            <numerusform>%n annotations need review: see Needs review in the Annotations panel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>The saved window layout did not fit this screen: the default layout is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lyrics do not fit beside the Library: hide Annotations and Note ({keys}) to give them room.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowLinks</name>
    <message>
        <source>&amp;Link to Lyrics Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the text selected in the article to the lines selected in the lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;nlink from Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop linking the quotation at the cursor in the article to the lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the articles&apos; quotations of the lyrics, the keyboard in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That quotation is not linked to the lyrics any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{quote}” quotes {lines} (misquoted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{quote}” quotes {lines}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article quotes line {line}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That quotation is not shown in its article any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} is quoted in “{quote}” in {article} ({index} of {count}): click the mark again for the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} is quoted in “{quote}” in {article}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{quote}” in {article} quotes {lines} (misquoted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{quote}” in {article} quotes {lines}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an untitled article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quotation is no longer linked to the lyrics. {keys} undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in an underlined quotation in the article, then Unlink from Lyrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the quoted words in the article and the lines in the lyrics, then Link to Lyrics Lines ({keys}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection holds only quotation marks or punctuation: select the quoted words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the lines it quotes in the lyrics (click or drag their numbers), then Link to Lyrics Lines ({keys}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotation linked to {lines}. {keys} undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link to Lyrics Lines {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link to Lyrics Line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;nlink “{quote}” from Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowPreferences</name>
    <message>
        <source>{path} exists already. A new library needs a name no file has yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad libraries ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Another Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create New Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is the library open in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library could not be made: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new library was made at {path}, but lyricpad could not be started on it. This window stays open. Start it with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lyricpad could not be started on {path}. This window stays open. Start it with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} opened in a second lyricpad window; this one stays open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowSafety</name>
    <message>
        <source>Another program changed the library: its changes are shown, and the undo history was cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is saved now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved yet, retrying…</source>
        <translation>
            <numerusform>%n change not saved yet, retrying…</numerusform>
            <numerusform>%n changes not saved yet, retrying…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved</source>
        <translation>
            <numerusform>%n change not saved</numerusform>
            <numerusform>%n changes not saved</numerusform>
        </translation>
    </message>
    <message>
        <source>The library could not be written (a full disk, a lock held by another program, damage...). What you did is kept in this window and saved as soon as possible; on quitting, lyricpad asks before anything is lost and can save a copy of what you typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy of the unsaved changes to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be saved in the library.</source>
        <translation>
            <numerusform>%n change could not be saved in the library.</numerusform>
            <numerusform>%n changes could not be saved in the library.</numerusform>
        </translation>
    </message>
    <message>
        <source>lyricpad tried again at {time} and failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) (was|were) refused for good, but what you typed is kept here.</source>
        <translation>
            <numerusform>%n change was refused for good, but what you typed is kept here.</numerusform>
            <numerusform>%n changes were refused for good, but what you typed is kept here.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry, save a copy of what you typed as a Markdown file, or quit without them. (Cancel keeps the window open.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save a Copy as Markdown and Quit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a Copy of the Unsaved Changes, then Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_QuoteCounts</name>
    <message numerus="yes">
        <source>and %n more line(s)</source>
        <translation>
            <numerusform>and %n more line</numerusform>
            <numerusform>and %n more lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>handout</name>
    <message>
        <source>cannot print the handout: the printer or file could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>highlights</name>
    <message>
        <source>No lens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;No note&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Proposed place&lt;/b&gt; for: {about}&lt;br&gt;&lt;small&gt;The text was edited — accept it in the annotations panel.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Cannot open the song asked for: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the link: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>library_listing</name>
    <message>
        <source>No songs match “{words}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No songs yet.
New Song… ({keys}) adds one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>open_app_link</name>
    <message>
        <source>The song of this link is not in the library open here ({library}):
{link}

Links name songs by their id in the library that wrote them (its export, or another library opened with --library), or the song was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotation of this link is not in this song any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotation of this link is in the trash: restore it to see it in the text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>word_snap</name>
    <message>
        <source>A mouse selection takes whole words; hold Alt while dragging to keep the exact characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
