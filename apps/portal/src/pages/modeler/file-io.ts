/** Saving to and reading from the user's disk, for the modeler and the form editor. */

/** Lets the browser download `content` as a file named `fileName`. */
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the object URL is no longer needed.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name made safe for a download: path separators and control characters become `-`. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return cleaned || 'diagram';
}
