/*
 * BackCareBot embed script. Puts the triage chat on any page with one tag:
 *   <div id="backcarebot" style="height: 600px"></div>
 *   <script src="https://YOUR-BOT-HOST/embed.js" data-target="#backcarebot"></script>
 * Optional data- attributes override the host's "WebChat" settings: data-bot-name, data-avatar (image URL
 * or initials), data-locale, data-enable-speech ("true"/"false"), data-accent, data-background,
 * data-bot-bubble, data-user-bubble, data-user-bubble-text. The Web Chat bundle comes from the same host.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var origin = new URL(script.src, window.location.href).origin;
  var data = script.dataset;

  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve(window.WebChat);
    }
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = origin + '/lib/webchat.js';
      tag.onload = function () { resolve(window.WebChat); };
      tag.onerror = function () { reject(new Error('The chat could not be loaded.')); };
      document.head.appendChild(tag);
    });
  }

  function fetchJson(path, init) {
    return fetch(origin + path, init).then(function (response) {
      if (!response.ok) {
        throw new Error('The chat service answered ' + response.status + '.');
      }
      return response.json();
    });
  }

  function settingsWithOverrides(settings) {
    var colours = settings.colours || {};
    return {
      directLineDomain: settings.directLineDomain || origin + '/v3/directline',
      botName: data.botName || settings.botName,
      avatar: data.avatar || settings.avatar,
      locale: data.locale || settings.locale,
      enableSpeech: data.enableSpeech ? data.enableSpeech === 'true' : settings.enableSpeech,
      colours: {
        accent: data.accent || colours.accent,
        background: data.background || colours.background,
        botBubble: data.botBubble || colours.botBubble,
        userBubble: data.userBubble || colours.userBubble,
        userBubbleText: data.userBubbleText || colours.userBubbleText
      }
    };
  }

  function addStyles(colours) {
    var style = document.createElement('style');
    style.textContent =
      '.bcb-chat{display:flex;flex-direction:column;flex:1;min-height:0;height:100%;width:100%;background:' + colours.background + ';font-family:inherit}' +
      '.bcb-header{margin:0;padding:.75rem 1rem;font-size:1.1rem;color:#fff;background:' + colours.accent + '}' +
      '.bcb-emergency{padding:.75rem 1rem;background:#fff4f4;border-bottom:2px solid #b00020}' +
      '.bcb-emergency[hidden]{display:none}' +
      '.bcb-emergency a{display:block;padding:.9rem 1rem;border-radius:.5rem;background:#b00020;color:#fff;font-weight:700;font-size:1.15rem;text-align:center;text-decoration:none}' +
      '.bcb-emergency a:focus-visible{outline:3px solid #000;outline-offset:2px}' +
      '.bcb-transcript{flex:1;min-height:0}' +
      '.bcb-error{padding:1rem;color:#b00020}';
    document.head.appendChild(style);
  }

  function buildLayout(container, settings) {
    container.classList.add('bcb-chat');
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', settings.botName + ' chat');

    var header = document.createElement('h1');
    header.className = 'bcb-header';
    header.textContent = settings.botName;

    var emergency = document.createElement('div');
    emergency.className = 'bcb-emergency';
    emergency.setAttribute('role', 'alert');
    emergency.hidden = true;

    var transcript = document.createElement('div');
    transcript.className = 'bcb-transcript';

    container.append(header, emergency, transcript);
    return { emergency: emergency, transcript: transcript };
  }

  // The bot marks its emergency advice with channelData.backcarebot; the button must not wait for the person to read.
  function showEmergency(banner, number) {
    var digits = String(number || '').replace(/[^0-9+]/g, '');
    if (!digits) {
      return;
    }
    banner.textContent = '';
    var link = document.createElement('a');
    link.href = 'tel:' + digits;
    link.textContent = 'Call emergency services (' + number + ')';
    link.setAttribute('aria-label', 'Call emergency services now on ' + digits.split('').join(' '));
    banner.appendChild(link);
    banner.hidden = false;
  }

  function avatarOptions(avatar) {
    return /^(https?:|data:|\/)/.test(avatar || '') ? { botAvatarImage: avatar, botAvatarInitials: '' } : { botAvatarInitials: avatar };
  }

  function speechPonyfill(WebChat, enabled) {
    var hasSpeech = 'speechSynthesis' in window && ('SpeechRecognition' in window || 'webkitSpeechRecognition' in window);
    return enabled && hasSpeech ? WebChat.createBrowserWebSpeechPonyfillFactory() : undefined;
  }

  function start(container) {
    var layout;
    Promise.all([fetchJson('/webchat/settings'), loadWebChat()])
      .then(function (results) {
        var settings = settingsWithOverrides(results[0]);
        var WebChat = results[1];
        addStyles(settings.colours);
        layout = buildLayout(container, settings);
        return fetchJson('/webchat/token', { method: 'POST' }).then(function (token) {
          var store = WebChat.createStore({}, function () {
            return function (next) {
              return function (action) {
                if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
                  var marker = (action.payload.activity.channelData || {}).backcarebot;
                  if (marker && marker.outcome === 'emergency') {
                    showEmergency(layout.emergency, marker.emergencyNumber);
                  }
                }
                return next(action);
              };
            };
          });
          var styleOptions = Object.assign({
            accent: settings.colours.accent,
            backgroundColor: settings.colours.background,
            bubbleBackground: settings.colours.botBubble,
            bubbleFromUserBackground: settings.colours.userBubble,
            bubbleFromUserTextColor: settings.colours.userBubbleText,
            hideUploadButton: true,
            suggestedActionLayout: 'flow',
            sendTypingIndicator: true
          }, avatarOptions(settings.avatar));
          WebChat.renderWebChat({
            directLine: WebChat.createDirectLine({ domain: settings.directLineDomain, token: token.token, webSocket: true }),
            store: store,
            locale: settings.locale,
            styleOptions: styleOptions,
            webSpeechPonyfillFactory: speechPonyfill(WebChat, settings.enableSpeech)
          }, layout.transcript);
        });
      })
      .catch(function (error) {
        var message = document.createElement('p');
        message.className = 'bcb-error';
        message.setAttribute('role', 'alert');
        message.textContent = error.message + ' If your back pain came with numbness, weakness or loss of bladder control, call your emergency number now.';
        container.appendChild(message);
      });
  }

  var target = data.target ? document.querySelector(data.target) : null;
  if (!target) {
    target = document.createElement('div');
    target.style.height = '600px';
    script.parentNode.insertBefore(target, script.nextSibling);
  }
  start(target);
})();
