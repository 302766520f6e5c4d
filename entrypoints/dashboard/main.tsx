import { render } from 'preact';
import { App } from './App';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = `${browser.i18n.getMessage('dashTitle') || 'Dashboard'} · Veille`;
render(<App />, document.getElementById('app')!);
