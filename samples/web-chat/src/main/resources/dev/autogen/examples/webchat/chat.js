// What both pages share: the input, showing a message, and loading the history on page load.
const input = document.getElementById('message-input');
const button = document.getElementById('send-button');

function enable(on) {
  input.disabled = button.disabled = !on;
  if (on) input.focus();
}

function display(content, source) {
  const box = document.getElementById('messages');
  const element = document.createElement('div');
  element.className = 'message ' + source;
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = source;
  const text = document.createElement('div');
  text.textContent = typeof content === 'string' ? content : JSON.stringify(content);
  element.append(label, text);
  box.appendChild(element);
  box.scrollTop = box.scrollHeight;
}

function onSend(send) {
  function go() {
    const content = input.value;
    if (!content || input.disabled) return;
    input.value = '';
    enable(false);
    send(content);
  }
  button.onclick = go;
  input.addEventListener('keydown', event => { if (event.key === 'Enter') go(); });
}

async function loadHistory(path) {
  const response = await fetch(path);
  if (response.ok) (await response.json()).forEach(m => display(m.content, m.source));
}
