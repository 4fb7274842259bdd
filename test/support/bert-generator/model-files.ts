/**
 * The JSON files of the transformers.js / Hugging Face layout: `config.json`, `tokenizer.json`
 * (WordPiece, lowercasing BERT normalizer, `[CLS] $A [SEP]` template) and `tokenizer_config.json`.
 */
import type { BertDims } from './weights.js';

function idOf(vocab: readonly string[], token: string): number {
  const id = vocab.indexOf(token);
  if (id < 0) throw new Error(`the vocabulary lacks the special token ${token}`);
  return id;
}

/** `config.json`; `generator` records how the weights were made (and makes the config unique per seed). */
export function configJson(dims: BertDims, vocab: readonly string[], generator: Record<string, unknown>): object {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dims.hidden,
    num_hidden_layers: dims.layers,
    num_attention_heads: dims.heads,
    intermediate_size: dims.intermediate,
    vocab_size: dims.vocabSize,
    max_position_embeddings: dims.maxPosition,
    type_vocab_size: dims.typeVocabSize,
    hidden_act: 'gelu',
    layer_norm_eps: dims.layerNormEps,
    initializer_range: dims.initScale,
    pad_token_id: idOf(vocab, '[PAD]'),
    attribot_generator: generator,
  };
}

/** `tokenizer.json` in the Hugging Face `tokenizers` format. */
export function tokenizerJson(vocab: readonly string[]): object {
  const special = (token: string) => ({
    id: idOf(vocab, token),
    content: token,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const cls = idOf(vocab, '[CLS]');
  const sep = idOf(vocab, '[SEP]');
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map(special).sort((a, b) => a.id - b.id),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

/** `tokenizer_config.json`, which transformers.js reads for the tokenizer class and special tokens. */
export function tokenizerConfigJson(dims: BertDims): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: dims.maxPosition,
    clean_up_tokenization_spaces: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
}
