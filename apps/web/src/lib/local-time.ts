/** An ISO timestamp as the reader's locale writes a date and time. */
export const localTime = (iso: string) => new Date(iso).toLocaleString();
