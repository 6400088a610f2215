/** How a document's data is shown as text: JSON formatted, XML and anything else as stored. */
export type DocumentLanguage = 'json' | 'xml' | 'text';

export interface DocumentText {
  text: string;
  language: DocumentLanguage;
}

/**
 * A document's data as readable text. JSON is indented (a one-line record of a
 * few kilobytes is unreadable otherwise); XML and other text keep their bytes,
 * since re-indenting them could change what they mean.
 */
export function documentText(data: string): DocumentText {
  const trimmed = data.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { text: JSON.stringify(JSON.parse(data), null, 2), language: 'json' };
    } catch {
      // Looks like JSON but is not (a truncated preview, a typo): shown as it is.
      return { text: data, language: 'text' };
    }
  }
  if (trimmed.startsWith('<')) {
    return { text: data, language: 'xml' };
  }
  return { text: data, language: 'text' };
}
