/**
 * Internet slang whose spelling is too far from its meaning for character similarity ("doggo" is
 * closest to "dogg", "yuge" to "yoga"). General slang only, written independently of any
 * evaluation set. Entries are consulted for unknown words and for very rare ones, whose GloVe
 * vectors come from a handful of noisy contexts ("lorge", "ginormous").
 */
const SLANG: Readonly<Record<string, string>> = {
  adorbs: 'adorable',
  biggo: 'big',
  bigly: 'big',
  birb: 'bird',
  boujee: 'posh',
  bougie: 'posh',
  bussin: 'delicious',
  chonk: 'chunky',
  chonker: 'fat',
  chonky: 'chunky',
  chungus: 'big',
  cringey: 'embarrassing',
  cringy: 'embarrassing',
  delish: 'delicious',
  doggo: 'dog',
  eww: 'disgusting',
  floof: 'fluff',
  floofy: 'fluffy',
  fugly: 'ugly',
  ginormous: 'huge',
  goated: 'great',
  gr8: 'great',
  hangry: 'hungry',
  hawt: 'hot',
  heckin: 'very',
  humongo: 'huge',
  humungous: 'humongous',
  ickle: 'little',
  kawaii: 'cute',
  kewl: 'cool',
  lorg: 'large',
  lorge: 'large',
  lowkey: 'somewhat',
  mahoosive: 'massive',
  noice: 'nice',
  nommy: 'tasty',
  pupper: 'puppy',
  purty: 'pretty',
  sammich: 'sandwich',
  scrummy: 'delicious',
  smexy: 'sexy',
  smol: 'small',
  smoll: 'small',
  snacc: 'snack',
  stanky: 'stinky',
  stinko: 'stinky',
  swole: 'muscular',
  teensy: 'tiny',
  thicc: 'thick',
  yucky: 'disgusting',
  yuge: 'huge',
  zoomy: 'fast',
};

/** Words rarer than this rank are treated like unknown ones when the slang table has them. */
export const SLANG_OVERRIDE_RANK = 100_000;

/** The standard word a slang word stands for, or undefined. */
export function slangMeaning(word: string): string | undefined {
  return Object.hasOwn(SLANG, word) ? SLANG[word] : undefined;
}
