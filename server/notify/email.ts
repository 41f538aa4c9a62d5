import { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../config.ts';

export interface EmailNoticeOptions extends SmtpSettings {
  /** The staff inbox, the only thing the email points to. */
  inboxUrl: string;
  /** Several requests within this many ms get one email. Default 60 000. */
  coalesceMs?: number;
  log?: (message: string) => void;
}

export interface EmailNotice {
  /** A request was stored: email soon (once per burst). */
  newRequest(): void;
  /** Sends what is pending, then stops. */
  close(): Promise<void>;
}

/**
 * Emails the clinic that a callback request is waiting. The email carries no
 * patient details at all (no name, phone, note or even the request's id):
 * email crosses servers the clinic does not control. Staff follow the link
 * and sign in. Best effort: the inbox is the record, so a failed email is
 * logged, not retried.
 *
 * @example
 * const notice = startEmailNotice({ url: 'smtp://mail.example.com:587', from: 'chat@clinic.org', to: 'desk@clinic.org', inboxUrl });
 * notice.newRequest();
 */
export function startEmailNotice(options: EmailNoticeOptions): EmailNotice {
  const transport = createTransport(options.url);
  const coalesceMs = options.coalesceMs ?? 60_000;
  const log = options.log ?? ((m: string) => console.error(m));
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<void> = Promise.resolve();

  const send = () => {
    timer = undefined;
    sending = transport
      .sendMail({
        from: options.from,
        to: options.to,
        subject: 'A new call-back request is waiting',
        text: `A new call-back request is waiting in the clinic chat inbox.\n\nOpen the inbox to read it: ${options.inboxUrl}\n`,
      })
      .then(
        () => undefined,
        (error: Error) => log(`email notice failed: ${error.message}`),
      );
  };

  return {
    newRequest() {
      timer ??= setTimeout(send, coalesceMs);
    },
    async close() {
      if (timer) {
        clearTimeout(timer);
        send();
      }
      await sending;
      transport.close();
    },
  };
}
