/**
 * English UI strings. Loader strings are kept apart so the 2 KB loader only
 * bundles what it draws before the app arrives.
 */
export const loaderStrings = {
  launcher: 'Questions? Ask us',
  /** Followed by ": <phone>" when `data-phone` is set, else by ".". */
  unavailable: 'The chat is unavailable right now. Please call the clinic',
};

export const appStrings = {
  subtitle: 'Questions about your procedure',
  greeting: 'Hello! I can answer general questions about medial branch blocks.',
  note: 'Answers are general information, not medical advice.',
  reach: 'To talk to a person, call',
  reachNoPhone: 'To talk to a person, call the clinic',
  or: 'or',
  callback: 'Request a call back',
  starters: 'You can ask, for example:',
  inputLabel: 'Type your question',
  send: 'Send',
  typing: 'Looking for an answer…',
  sources: 'Sources',
  related: 'Related questions',
  suggestions: 'Did you mean:',
  helpful: 'Was this helpful?',
  yes: 'Yes',
  no: 'No',
  retry: 'Try again',
  missing: 'What was missing? (optional)',
  thanks: 'Thank you for your feedback.',
  clear: 'Clear conversation',
  close: 'Close chat',
  back: 'Back to chat',
  offline: 'The chat cannot reach the clinic right now.',
  busy: 'Many questions at once. Please wait a moment, then try again.',
  failed: 'Sorry, that did not work. Please try again, or call the clinic.',
  emergencyTitle: 'Get help now',
  /** The unsure tier: a red flag reported now on weak evidence. */
  unsureTitle: 'Get checked now',
  afterHours: 'Clinic after-hours line',
  cbIntro: 'Leave your details and the clinic team will call you back.',
  name: 'Your name',
  phone: 'Phone number',
  time: 'Best time to call',
  times: ['Any time', 'Morning', 'Afternoon', 'Evening'],
  message: 'Short note (optional)',
  consent: 'I agree that the clinic may keep these details to call me back.',
  share: 'Share my questions with the clinic (the questions you asked in this chat)',
  submit: 'Send request',
  sending: 'Sending…',
  required: 'Please fill this in.',
  consentRequired: 'Please tick this box so the clinic may call you.',
  cbFailed: 'Sorry, your request did not go through. Your details are still here: please try again.',
  /** Per form field, the interface's own words for the server's reason; empty: the server's English reason. */
  fieldErrors: {} as Partial<Record<'name' | 'phone' | 'preferredTime' | 'message' | 'consent', string>>,
  /** The server cannot store requests (503): followed by ": <phone>" when the phone is known, else by ".". */
  cbUnavailable: 'We cannot take call-back requests online right now. Please phone the clinic',
  cbBusy: 'Too many requests right now. Please wait a minute, then try again.',
  cbDone: 'Thank you. Your request was received and the clinic will call you back.',
  reference: 'Reference',
  website: 'Leave this empty',
};

export type LoaderStrings = typeof loaderStrings;
export type AppStrings = typeof appStrings;
