/**
 * The enumerations of the data model and their human-readable labels, free of zod so the page can import
 * them without pulling the schema library into its bundle. domain.ts builds its schemas from these arrays
 * and re-exports everything here, so existing imports from './domain.ts' keep working.
 */

export const meetingSeries = ['moscow-format', 'neighbours-foreign-ministers', 'other'] as const;
export type MeetingSeriesId = (typeof meetingSeries)[number];

export const participationRoles = ['host', 'member', 'guest', 'observer', 'by-video', 'invited-absent'] as const;
export type ParticipationRoleId = (typeof participationRoles)[number];

export const topics = [
  'foreign-military-presence',
  'taliban-recognition',
  'engagement-with-taliban',
  'counter-terrorism',
  'narcotics',
  'sanctions-frozen-assets',
  'inclusive-government',
  'womens-rights',
  'migration',
  'regional-dialogue',
  'regional-security',
  'military-cooperation-with-us',
  'international-accountability',
  'reconstruction-responsibility',
] as const;
export type TopicId = (typeof topics)[number];

export const stanceValues = ['opposes', 'supports', 'mixed'] as const;

export const deliveryModes = [
  /** Said aloud by the speaker, in person or by video. */
  'spoken',
  /** A written message from the speaker, read out by someone else (`readBy`). */
  'written-message-read',
  /** A written statement or post issued by the speaker or their office. */
  'written',
  /** A joint statement of several actors (`actors` lists them). */
  'joint-statement',
  /** A summary of what the cited source reports: not the speaker's words, and never shown as a quote. */
  'paraphrase',
] as const;
export type DeliveryModeId = (typeof deliveryModes)[number];

/** Human-readable labels, shared by the API's OpenAPI text and the page. */
export const topicLabels: Record<TopicId, string> = {
  'foreign-military-presence': 'Foreign military presence',
  'taliban-recognition': 'Recognition of the Taliban government',
  'engagement-with-taliban': 'Engagement with the Taliban authorities',
  'counter-terrorism': 'Counter-terrorism',
  narcotics: 'Narcotics',
  'sanctions-frozen-assets': 'Sanctions and frozen assets',
  'inclusive-government': 'Inclusive government',
  'womens-rights': "Women's rights",
  migration: 'Migration',
  'regional-dialogue': 'Regional dialogue',
  'regional-security': 'Regional security threats',
  'military-cooperation-with-us': 'Military cooperation with the US',
  'international-accountability': 'International accountability mechanisms',
  'reconstruction-responsibility': 'Responsibility for reconstruction',
};

export const roleLabels: Record<ParticipationRoleId, string> = {
  host: 'Host',
  member: 'Member',
  guest: 'Guest',
  observer: 'Observer',
  'by-video': 'By video',
  'invited-absent': 'Invited, absent',
};

export const seriesLabels: Record<MeetingSeriesId, string> = {
  'moscow-format': 'Moscow Format',
  'neighbours-foreign-ministers': "Neighbours' foreign ministers",
  other: 'Related conferences',
};

export const deliveryLabels: Record<DeliveryModeId, string> = {
  spoken: 'Spoken',
  'written-message-read': 'Written message read out',
  written: 'Written statement',
  'joint-statement': 'Joint statement',
  paraphrase: 'Paraphrase of what the source reports',
};
