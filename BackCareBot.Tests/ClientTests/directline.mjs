// Drives the real botframework-directlinejs client against a running BackCareBot host.
// Usage: node directline.mjs <baseUrl> <scenario> [expiredToken expiredTokensConversationId]
// Scenarios: websocket, polling, reconnect, refresh, rejected. Prints PASS/FAIL lines; exit code 0 only when all passed.
import XMLHttpRequest from 'xhr2';
import WebSocket from 'ws';
import directLineJs from 'botframework-directlinejs';

const { DirectLine, ConnectionStatus } = directLineJs;

// DirectLineJS is written for browsers: it calls through XMLHttpRequest and the global WebSocket.
globalThis.XMLHttpRequest = XMLHttpRequest;
globalThis.WebSocket = WebSocket;

const [baseUrl, scenario, expiredToken, expiredConversationId] = process.argv.slice(2);
const domain = `${baseUrl}/v3/directline`;
const failures = [];

function check(condition, description) {
  console.log(`${condition ? 'PASS' : 'FAIL'} ${description}`);
  if (!condition) {
    failures.push(description);
  }
}

async function generateToken() {
  const response = await fetch(`${domain}/tokens/generate`, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`tokens/generate answered ${response.status}`);
  }
  return response.json();
}

// Records everything a DirectLine instance delivers, in arrival order.
function record(directLine) {
  const received = [];
  const waiters = [];
  const subscription = directLine.activity$.subscribe({
    next: (activity) => {
      received.push(activity);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(received)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(received);
        }
      }
    },
    error: (error) => console.log(`activity$ error: ${error && error.message}`),
  });
  return {
    received,
    until(predicate, description, timeoutMs = 15000) {
      if (predicate(received)) {
        return Promise.resolve(received);
      }
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.push(waiter);
        setTimeout(() => reject(new Error(`timed out waiting for ${description}`)), timeoutMs);
      });
    },
    stop: () => subscription.unsubscribe(),
  };
}

function post(directLine, activity) {
  return new Promise((resolve, reject) => directLine.postActivity(activity).subscribe({ next: resolve, error: reject }));
}

function status(directLine, wanted, timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`connection never reached ${ConnectionStatus[wanted]}`)), timeoutMs);
    const subscription = directLine.connectionStatus$.subscribe((value) => {
      if (value === wanted) {
        clearTimeout(timer);
        setTimeout(() => subscription.unsubscribe());
        resolve(value);
      }
    });
  });
}

const isBotMessage = (a) => a.type === 'message' && a.from && a.from.role === 'bot';
const sequenceOf = (a) => Number(a.id.split('|')[1]);

// Sends one message and checks Web Chat's contract: the echo with an id and the clientActivityID, then the bot's replies to it, in order.
async function sendAndCheck(directLine, recorder, text, clientActivityID) {
  const before = recorder.received.length;
  const id = await post(directLine, {
    type: 'message',
    from: { id: 'ignored-by-server', name: 'Test user', role: 'user' },
    text,
    locale: 'en-GB',
    channelData: { clientActivityID },
  });
  check(typeof id === 'string' && id.length > 0, `post "${text}" returned an id`);
  await recorder.until((all) => all.slice(before).some((a) => isBotMessage(a) && a.replyToId === id), `a reply to "${text}"`);
  const since = recorder.received.slice(before);
  const echoIndex = since.findIndex((a) => a.id === id);
  const echo = since[echoIndex];
  check(echo !== undefined, `the echo of "${text}" arrived`);
  check(echo && echo.channelData && echo.channelData.clientActivityID === clientActivityID, 'the echo kept channelData.clientActivityID');
  check(echo && echo.from.role === 'user' && echo.text === text, 'the echo is the user\'s message');
  const replies = since.filter((a) => isBotMessage(a) && a.replyToId === id);
  check(replies.length > 0 && since.indexOf(replies[0]) > echoIndex, 'the replies came after the echo');
  check(replies.every((a) => a.id && a.from.role === 'bot' && a.channelId === 'webchat'), 'replies have ids, role bot and channel webchat');
  return { id, echo, replies };
}

function checkOrdered(received, description) {
  const ids = received.filter((a) => a.type !== 'typing').map(sequenceOf);
  check(ids.every((value, index) => index === 0 || value > ids[index - 1]), `${description}: every activity once, in order`);
}

async function conversation(webSocket, extra = {}) {
  const { token } = await generateToken();
  const directLine = new DirectLine({ domain, token, webSocket, pollingInterval: 300, ...extra });
  const recorder = record(directLine);
  await status(directLine, ConnectionStatus.Online);
  await recorder.until((all) => all.some(isBotMessage), 'the welcome');
  return { directLine, recorder };
}

async function websocket() {
  const { directLine, recorder } = await conversation(true);
  check(recorder.received[0].type === 'message' && isBotMessage(recorder.received[0]), 'the welcome came first, from the bot');
  check(recorder.received.every((a) => a.type !== 'conversationUpdate'), 'conversationUpdate is not sent to the client');
  await sendAndCheck(directLine, recorder, 'I have had lower back pain for 3 days', 'ws-1');
  const typingId = await post(directLine, { type: 'typing', from: { id: 'x', role: 'user' } });
  await recorder.until((all) => all.some((a) => a.type === 'typing' && a.id === typingId), 'the typing activity over the socket');
  check(true, 'typing activities are delivered over the WebSocket');
  await sendAndCheck(directLine, recorder, 'about 4 out of 10', 'ws-2');
  checkOrdered(recorder.received, 'websocket');
  directLine.end();
}

async function polling() {
  const { directLine, recorder } = await conversation(false);
  await sendAndCheck(directLine, recorder, 'I have had lower back pain for 3 days', 'poll-1');
  await post(directLine, { type: 'typing', from: { id: 'x', role: 'user' } });
  await sendAndCheck(directLine, recorder, 'about 4 out of 10', 'poll-2');
  check(recorder.received.every((a) => a.type !== 'typing'), 'polling does not deliver typing (as on Azure)');
  checkOrdered(recorder.received, 'polling');
  directLine.end();
}

async function reconnect() {
  const sockets = [];
  class RecordedWebSocket extends WebSocket {
    constructor(url) {
      super(url);
      sockets.push({ socket: this, url });
    }
  }
  // random 0 makes DirectLineJS wait its shortest back-off (3 s) before reconnecting.
  const { directLine, recorder } = await conversation(true, { WebSocket: RecordedWebSocket, random: () => 0 });
  await sendAndCheck(directLine, recorder, 'I have had lower back pain for 3 days', 'rc-1');
  const watermarkBefore = directLine.watermark;
  sockets[0].socket.terminate();
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      if (sockets.length > 1 && sockets[1].socket.readyState === WebSocket.OPEN) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
  });
  check(new URL(sockets[1].url).searchParams.get('watermark') === watermarkBefore, 'the new streamUrl resumes from the client\'s watermark');
  check(sockets[1].url !== sockets[0].url, 'reconnecting gave a fresh streamUrl');
  await sendAndCheck(directLine, recorder, 'about 4 out of 10', 'rc-2');
  checkOrdered(recorder.received, 'across the reconnect');
  directLine.end();
}

async function refresh() {
  const { directLine, recorder } = await conversation(true);
  const oldToken = directLine.token;
  const newToken = await new Promise((resolve, reject) => directLine.refreshToken().subscribe({ next: resolve, error: reject }));
  check(typeof newToken === 'string' && newToken !== oldToken, 'tokens/refresh issued a new token');
  directLine.token = newToken;
  await sendAndCheck(directLine, recorder, 'I have had lower back pain for 3 days', 'rf-1');
  directLine.end();
}

async function rawStatus(path, token, method = 'GET') {
  const response = await fetch(`${domain}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: method === 'POST' ? JSON.stringify({ type: 'message', text: 'hello' }) : undefined,
  });
  return response.status;
}

async function rejected() {
  const mine = await conversation(false);
  const other = await conversation(false);
  const myId = mine.directLine.conversationId;
  const myToken = mine.directLine.token;
  const [header, payload, signature] = myToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forgedPayload = Buffer.from(JSON.stringify({ ...claims, conv: other.directLine.conversationId })).toString('base64url');
  const forged = `${header}.${forgedPayload}.${signature}`;
  const tampered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
  const cases = [
    ['an expired token', expiredToken, expiredConversationId],
    ['a forged token', forged, other.directLine.conversationId],
    ['a token with a bad signature', tampered, myId],
    ['another conversation\'s token', other.directLine.token, myId],
  ];
  for (const [name, token, conversationId] of cases) {
    check(await rawStatus(`/conversations/${conversationId}/activities`, token, 'POST') === 403, `${name} cannot post (403)`);
    check(await rawStatus(`/conversations/${conversationId}/activities?watermark=`, token) === 403, `${name} cannot read (403)`);
    check(await rawStatus(`/conversations/${conversationId}?watermark=`, token) === 403, `${name} cannot reconnect (403)`);
    check(await rawStatus('/tokens/refresh', name === 'another conversation\'s token' ? 'x.y.z' : token, 'POST') === 403, `${name} cannot be refreshed (403)`);
  }

  const intruder = new DirectLine({ domain, token: other.directLine.token, conversationId: myId, webSocket: false });
  intruder.activity$.subscribe({ next: () => {}, error: () => {} });
  const reached = await new Promise((resolve) => {
    intruder.connectionStatus$.subscribe((value) => {
      if (value === ConnectionStatus.ExpiredToken || value === ConnectionStatus.FailedToConnect) {
        resolve(value);
      }
    });
  });
  check(reached === ConnectionStatus.FailedToConnect || reached === ConnectionStatus.ExpiredToken, 'DirectLineJS cannot join another conversation with its token');
  mine.directLine.end();
  other.directLine.end();
}

const scenarios = { websocket, polling, reconnect, refresh, rejected };
try {
  if (!scenarios[scenario]) {
    throw new Error(`unknown scenario ${scenario}`);
  }
  await scenarios[scenario]();
} catch (error) {
  check(false, `scenario ${scenario} threw: ${error && error.stack ? error.stack : error}`);
}
console.log(failures.length === 0 ? `OK ${scenario}` : `FAILED ${scenario}: ${failures.length} check(s)`);
process.exit(failures.length === 0 ? 0 : 1);
