/** Creates (or replaces) `root/node_modules/.bin/attribot` → `../../bin/attribot.js`; whether the link is there (see link-bin.mjs). */
export declare function linkBin(root: string): boolean;
