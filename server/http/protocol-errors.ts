import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { rawJsonError } from './raw-response.ts';

/** What Node's parser errors mean to a client (Node itself sends these without a body). */
function answerFor(code: string | undefined): { status: number; error: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, error: 'request line or headers too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, error: 'request not received in time' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, error: 'chunk extensions too large' };
    default:
      return { status: 400, error: 'malformed HTTP request' };
  }
}

/**
 * Answers Node's own protocol errors (431, 400, 408 from `clientError`; 417
 * from an unsupported `Expect` header) with JSON bodies like every other
 * error. As Node does, a response is written only when nothing of another
 * response has gone out on the socket yet.
 *
 * @example
 * answerProtocolErrors(http.createServer(handler))
 */
export function answerProtocolErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const { status, error: message } = answerFor(error.code);
      socket.write(rawJsonError(status, { error: message }));
    }
    socket.destroy();
  });
  server.on('checkExpectation', (req, res) => {
    const body = JSON.stringify({ error: `unsupported Expect header "${req.headers.expect}"; only 100-continue is understood` });
    res.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    res.end(body);
  });
}
