// Demo only: mock reply editors that keep their text in JS state, as the real
// site's editor does, so that a test can tell "the site registered the text"
// from "the DOM shows it". window.__demoEditors lists them for tests (page
// world): {kind, element, text (the state, read-only), submitEnabled}.
//   draft   (Draft.js, sites.md §0.4): text only through a paste event
//           (clipboardData text/plain) or beforeinput insertText; the DOM is
//           re-rendered from the state, so direct DOM edits are reverted.
//   lexical (Lexical): paste (lines → paragraphs); a native insertText is read
//           back from the DOM on its input event (as Lexical does); other
//           DOM edits are reverted.
//   plain   (a contenteditable that reads itself on input, YouTube).
//   quill   (Quill, LinkedIn): reads the DOM on every mutation, as Quill's
//           MutationObserver does.
//   native  (a plain textarea, WordPress): the value is the state.
//   textarea (React-controlled): the state changes only on input events whose
//           value differs from React's value tracker; a plain el.value = …
//           is therefore ignored and reverted.
// Nothing is ever posted: the submit buttons only say so.
(function () {
  'use strict';
  var registry = (window.__demoEditors = window.__demoEditors || []);
  function register(kind, element, state, submit) {
    registry.push(Object.freeze({
      kind: kind,
      element: element,
      get text() { return state.text; },
      get submitEnabled() { return !!submit && !submit.disabled && submit.getAttribute('aria-disabled') !== 'true'; }
    }));
    if (submit) submit.addEventListener('click', function (e) { e.preventDefault(); submit.title = 'Démo : rien n\u2019est publié'; });
  }
  function setSubmit(submit, text) {
    if (!submit) return;
    submit.disabled = !text.trim();
    submit.setAttribute('aria-disabled', String(submit.disabled));
  }
  /** Text of a contenteditable (or fragment): blocks and <br> end lines. */
  function readLines(root) {
    var out = '';
    (function walk(node) {
      node.childNodes.forEach(function (n) {
        if (n.nodeType === 3) out += n.nodeValue;
        if (n.nodeType !== 1) return;
        if (n.localName === 'br') { out += '\n'; return; }
        var block = /^(?:p|div|li|h\d)$/.test(n.localName);
        if (block && out && out.slice(-1) !== '\n') out += '\n';
        walk(n);
        if (block && out.slice(-1) !== '\n') out += '\n';
      });
    })(root);
    return out.replace(/\n$/, '').replace(/\u00a0/g, ' ');
  }

  /** A Draft.js or Lexical mock on a contenteditable element. */
  function richEditor(el, kind, submit, placeholder) {
    var state = { text: '' };
    var blocksHost = el;
    if (kind === 'draft') {
      blocksHost = el.querySelector('[data-contents]') || el.appendChild(document.createElement('div'));
      blocksHost.setAttribute('data-contents', 'true');
    }
    var lines = function () { return state.text.split('\n'); };
    function blockEls() { return Array.prototype.slice.call(blocksHost.children); }
    function render() {
      var els = lines().map(function (line, i) {
        var outer, inner = document.createElement('span');
        if (kind === 'draft') {
          outer = document.createElement('div');
          outer.setAttribute('data-block', 'true');
          outer.setAttribute('data-offset-key', 'demo-' + i + '-0');
          var styled = outer.appendChild(document.createElement('div'));
          styled.className = 'public-DraftStyleDefault-block public-DraftStyleDefault-ltr';
          var leaf = styled.appendChild(document.createElement('span'));
          if (line) { inner.setAttribute('data-text', 'true'); inner.textContent = line; leaf.appendChild(inner); }
          else { var br = leaf.appendChild(document.createElement('br')); br.setAttribute('data-text', 'true'); }
        } else {
          outer = document.createElement('p');
          outer.setAttribute('dir', 'auto');
          if (line) { inner.setAttribute('data-lexical-text', 'true'); inner.textContent = line; outer.appendChild(inner); }
          else outer.appendChild(document.createElement('br'));
        }
        return outer;
      });
      blocksHost.replaceChildren.apply(blocksHost, els);
      if (kind === 'draft' && blocksHost !== el.firstElementChild) el.replaceChildren(blocksHost);
      if (placeholder) placeholder.hidden = state.text !== '';
      setSubmit(submit, state.text);
    }
    function domText() {
      return blockEls().map(function (b) { return b.textContent; }).join('\n');
    }
    function offsetOf(node, off) {
      var bl = blockEls(), total = 0, ls = lines();
      if (node === el || node === blocksHost) {
        if (node === el && blocksHost !== el) return off === 0 ? 0 : state.text.length;
        for (var j = 0; j < Math.min(off, bl.length); j++) total += ls[j].length + 1;
        return Math.min(total, state.text.length);
      }
      for (var i = 0; i < bl.length; i++) {
        if (bl[i].contains(node)) {
          var r = document.createRange();
          r.selectNodeContents(bl[i]);
          r.setEnd(node, off);
          return total + Math.min(r.toString().length, ls[i].length);
        }
        total += ls[i].length + 1;
      }
      return state.text.length;
    }
    function selection() {
      var sel = window.getSelection();
      var end = state.text.length;
      if (!sel || !sel.rangeCount || !el.contains(sel.anchorNode)) return [end, end];
      var r = sel.getRangeAt(0);
      var a = offsetOf(r.startContainer, r.startOffset), b = offsetOf(r.endContainer, r.endOffset);
      return [Math.min(a, b), Math.max(a, b)];
    }
    function place(offset) {
      if (document.activeElement !== el) return;
      var ls = lines(), bl = blockEls(), i = 0;
      while (i < ls.length - 1 && offset > ls[i].length) { offset -= ls[i].length + 1; i++; }
      var text = bl[i] && bl[i].querySelector('[data-text], [data-lexical-text]');
      var r = document.createRange();
      if (text && text.firstChild) r.setStart(text.firstChild, Math.min(offset, text.firstChild.length));
      else r.setStart(bl[i] || el, 0);
      r.collapse(true);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
    }
    function replace(str, s) {
      s = s || selection();
      state.text = state.text.slice(0, s[0]) + str.replace(/\r\n?/g, '\n') + state.text.slice(s[1]);
      render();
      place(s[0] + str.length);
    }
    el.addEventListener('paste', function (e) {
      e.preventDefault();
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (text) replace(text);
    });
    el.addEventListener('beforeinput', function (e) {
      var s = selection();
      switch (e.inputType) {
        case 'insertText':
        case 'insertReplacementText':
          // Lexical lets the browser insert plain text, then reads the DOM (input below).
          if (kind === 'lexical') return;
          e.preventDefault();
          if (e.data) replace(e.data, s);
          return;
        case 'insertParagraph':
        case 'insertLineBreak':
          e.preventDefault();
          replace('\n', s);
          return;
        case 'deleteContentBackward':
        case 'deleteContentForward':
          e.preventDefault();
          if (s[0] === s[1]) {
            if (e.inputType === 'deleteContentBackward') s[0] = Math.max(0, s[0] - (/[\udc00-\udfff]/.test(state.text.charAt(s[0] - 1)) ? 2 : 1));
            else s[1] = Math.min(state.text.length, s[1] + 1);
          }
          replace('', s);
          return;
        case 'insertFromPaste':
          return; // the paste event above
        default:
          e.preventDefault();
      }
    });
    var accepted = false;
    el.addEventListener('input', function () {
      if (kind !== 'lexical') { render(); return; } // Draft: a DOM change it did not make is not in the state
      var caret = state.text.length, sel = window.getSelection();
      if (sel && sel.rangeCount && el.contains(sel.anchorNode)) {
        var r = document.createRange();
        r.setStart(el, 0);
        r.setEnd(sel.anchorNode, sel.anchorOffset);
        caret = readLines(r.cloneContents()).length;
      }
      state.text = readLines(el);
      accepted = true;
      if (domText() !== state.text || blockEls().length !== lines().length) { render(); place(caret); }
      setSubmit(submit, state.text);
    });
    // Any other DOM edit (textContent, innerHTML, execCommand without input…) is reverted.
    new MutationObserver(function () {
      if (accepted) { accepted = false; return; }
      if (domText() !== state.text || blockEls().length !== lines().length) render();
    }).observe(el, { childList: true, characterData: true, subtree: true });
    render();
    register(kind, el, state, submit);
    return state;
  }

  /** A contenteditable that reads its own text on input (YouTube's #contenteditable-root). */
  function plainEditor(el, submit) {
    var state = { text: '' };
    el.addEventListener('input', function () {
      state.text = readLines(el);
      setSubmit(submit, state.text);
    });
    setSubmit(submit, '');
    register('plain', el, state, submit);
    return state;
  }

  /** A React-controlled textarea (or input) with React's value tracker. */
  function controlledTextarea(el, submit) {
    var state = { text: '' };
    var proto = Object.getPrototypeOf(el), desc = null;
    while (proto && !desc) { desc = Object.getOwnPropertyDescriptor(proto, 'value'); proto = Object.getPrototypeOf(proto); }
    var tracked = '';
    Object.defineProperty(el, 'value', {
      configurable: true,
      get: function () { return desc.get.call(el); },
      set: function (v) { tracked = String(v); desc.set.call(el, v); }
    });
    el.addEventListener('input', function () {
      var now = desc.get.call(el);
      if (now !== tracked) { tracked = now; state.text = now; setSubmit(submit, now); }
      if (desc.get.call(el) !== state.text) { tracked = state.text; desc.set.call(el, state.text); }
    });
    setSubmit(submit, '');
    register('textarea', el, state, submit);
    return state;
  }

  /** Quill: the editor follows its DOM (mutations), and marks itself ql-blank when empty. */
  function quillEditor(el, submit) {
    var state = { text: '' };
    new MutationObserver(function () {
      state.text = readLines(el);
      el.classList.toggle('ql-blank', state.text === '');
      setSubmit(submit, state.text);
    }).observe(el, { childList: true, characterData: true, subtree: true });
    setSubmit(submit, '');
    register('quill', el, state, submit);
    return state;
  }

  /** A plain (not framework-controlled) textarea: its value is the state. */
  function nativeTextarea(el, submit) {
    var state = { get text() { return el.value; } };
    register('native', el, state, submit);
    return state;
  }

  window.__demoEditorKit = { richEditor: richEditor, plainEditor: plainEditor, controlledTextarea: controlledTextarea, quillEditor: quillEditor, nativeTextarea: nativeTextarea };
})();
