// The plan's own vocabulary (statuses, stages, organisation kinds, …), shared by the UI and
// every report so that a status reads the same on screen and on paper.
export default {
  status: {
    planned: 'Planned',
    in_progress: 'In progress',
    completed: 'Completed',
    delayed: 'Delayed',
    cancelled: 'Cancelled',
  },
  stage: { proposed: 'Proposed', agreed: 'Agreed' },
  priority: { high: 'High', medium: 'Medium', low: 'Low' },
  orgKind: {
    government: 'Government',
    business: 'Business',
    international: 'International organisation',
    nhri: 'National human-rights institution',
    civil_society: 'Civil society',
    donor: 'Donor',
    other: 'Other',
  },
  light: { green: 'On track', amber: 'Behind', red: 'Off track', none: 'Not rated' },
  frequency: {
    monthly: 'Monthly',
    quarterly: 'Quarterly',
    semiannual: 'Every six months',
    annual: 'Annual',
    once: 'Once',
  },
  language: { en: 'English', ru: 'Русский', tk: 'Türkmençe' },
  /** shown for an action whose title is empty (views.isUntitled), in the reader's language */
  untitledAction: 'New action',
} as const;
