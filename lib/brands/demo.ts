/**
 * The demo brand configured on first run (and used by the bundled demo site):
 * "Acme", a fictional French coffee roaster with cafés in Paris and Lyon,
 * plus one fictional competitor to show agency / competitor tracking.
 */
import type { Brand } from './types';

export const DEMO_BRANDS: Brand[] = [
  {
    id: 'acme',
    name: 'Acme',
    aliases: ['Acme Café', 'Cafés Acme'],
    handles: ['@AcmeFrance', '@acme_cafe'],
    hashtags: ['#Acme', '#AcmeCafe'],
    misspellings: ['Akme', 'Acmee'],
    // "acme"/"acmé" is also a common word (peak, climax) in English and French.
    exclusions: ['the acme of', 'at its acme', "l'acmé de la", "l'acmé du", 'à son acmé', 'atteint son acmé', 'acme corporation'],
    competitor: false,
  },
  {
    id: 'zenith',
    name: 'Brûlerie Zénith',
    aliases: ['Zénith Coffee'],
    handles: ['@BrulerieZenith'],
    hashtags: ['#BrulerieZenith'],
    misspellings: [],
    exclusions: [],
    competitor: true,
  },
];

/** The demo CM's first name (signatures: "— Léa, équipe Acme"); editable on the options page. */
export const DEMO_AGENT = 'Léa';
