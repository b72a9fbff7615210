/**
 * A part of an element imported only when it is first needed (in the drop-in files, a chunk from
 * the script's own origin): every caller shares the one import, and after a failure (offline, a
 * site that serves the file without its `chunks/` folder) the next call tries again.
 */
export function importOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw cause;
    }));
}
