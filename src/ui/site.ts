export const SITE_NAME = 'Dispatch';
