/**
 * The server calls its sandbox in process; a worker calls it over HTTP at the
 * server's address. The stored endpoint is the URL users reach the server by, which a
 * worker behind the same proxy or in another container may not: `serverUrl` replaces
 * its origin.
 */
export function sandboxFetch(serverUrl: string | undefined): typeof fetch {
  if (!serverUrl) {
    return fetch;
  }
  const origin = new URL(serverUrl).origin;
  return (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const target = new URL(`${url.pathname}${url.search}`, origin);
    return fetch(new Request(target, request));
  };
}
