/**
 * Imported first by the build and `npm run publish` (before anything loads React): the server
 * render uses React's production build unless NODE_ENV says otherwise. Without it, Node loads
 * React's development build, whose checks and warnings about doubled the cost of a page (the same
 * HTML, only slower), and the card workers inherit the setting for the card's element tree.
 */
process.env.NODE_ENV ??= 'production';
