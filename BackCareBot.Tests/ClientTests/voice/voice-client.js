'use strict';
// Plays the part of Direct Line Speech / the telephony channel against BackCareBot with the real
// botframework-streaming WebSocket client. Reads a plan as JSON on stdin, runs its conversations at the
// same time over ONE socket, and prints what happened as JSON on stdout; the xunit test judges it.
const { WebSocketClient, StreamingRequest, StreamingResponse } = require('botframework-streaming');

function readStdin() {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', chunk => { data += chunk; });
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

// Every request the bot sends (its replies) lands here, filed under the conversation it belongs to.
class ChannelSide {
  constructor() {
    this.received = new Map();
    this.nextId = 1;
  }

  async processRequest(request) {
    const activity = request.streams.length > 0 ? await request.streams[0].readAsJson() : null;
    const conversationId = activity && activity.conversation ? activity.conversation.id : '(none)';
    if (!this.received.has(conversationId)) this.received.set(conversationId, []);
    this.received.get(conversationId).push({ verb: request.verb, path: request.path, activity });
    const response = StreamingResponse.create(200);
    response.setBody({ id: `reply-${this.nextId++}` });
    return response;
  }

  take(conversationId) {
    const replies = this.received.get(conversationId) || [];
    this.received.set(conversationId, []);
    return replies;
  }
}

async function send(client, verb, path, body) {
  const request = StreamingRequest.create(verb, path, body === undefined ? undefined : JSON.stringify(body));
  const response = await client.send(request);
  const bodyText = response.streams.length > 0 ? await response.streams[0].readAsString() : null;
  return { status: response.statusCode, body: bodyText };
}

async function runConversation(client, channel, plan, counter) {
  const base = {
    channelId: plan.channelId,
    serviceUrl: `urn:botframework:WebSocket:${plan.channelId}`,
    conversation: { id: plan.id },
    from: { id: `caller-${plan.id}`, name: '+15550100' },
    recipient: { id: 'backcarebot', name: 'BackCareBot' },
    locale: plan.locale,
  };
  const turns = [];
  for (const step of plan.steps) {
    const activity = { ...base, id: `in-${counter.next++}`, timestamp: new Date().toISOString() };
    if (step.type === 'conversationUpdate') {
      Object.assign(activity, { type: 'conversationUpdate', membersAdded: [base.from, base.recipient] });
    } else {
      Object.assign(activity, { type: 'message', text: step.text });
      if (step.dtmf) activity.entities = [{ type: 'DTMF', text: step.text }];
    }
    const response = await send(client, 'POST', '/api/messages', activity);
    turns.push({ sentId: activity.id, sentText: step.text || null, status: response.status, replies: channel.take(plan.id) });
  }
  return { id: plan.id, turns };
}

async function main() {
  const plan = JSON.parse(await readStdin());
  const channel = new ChannelSide();
  let disconnected = false;
  const client = new WebSocketClient({
    url: plan.url,
    requestHandler: channel,
    disconnectionHandler: () => { disconnected = true; },
  });
  await client.connect();

  const version = await send(client, 'GET', '/api/version');
  const unknownPath = await send(client, 'GET', '/api/nowhere');
  const counter = { next: 1 };
  const conversations = await Promise.all(plan.conversations.map(c => runConversation(client, channel, c, counter)));

  client.disconnect();
  process.stdout.write(JSON.stringify({ version, unknownPath, conversations, disconnected }));
}

main().catch(error => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
