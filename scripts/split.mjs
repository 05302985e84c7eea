// Trunk's post-build step (Trunk.toml): splits the app into its parts.
//
// Trunk builds the app with the `split` feature and the linker's relocations
// kept (.cargo/config.toml), binds and names it `mandat-<hash>`. Trunk cannot
// split (trunk-rs/trunk#1022), so this step takes the same raw wasm and runs
// what cargo-leptos runs: wasm-split-cli, which cuts out each `#[wasm_split]`
// function (src/parts.rs) with the code only it reaches, then wasm-bindgen
// with the linker's exports kept (the parts import them), then wasm-opt on
// every module. The results replace Trunk's files under the same names, with
// the parts beside them named after the build (`mandat-<hash>-<part>.wasm`),
// so that a deploy never serves a part of another build under an old name;
// the page's integrity hashes are written again.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { minify as minifyCss } from 'csso';
import { minify } from 'terser';

import { shortenNames } from './short-names.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE ?? 'release';
if (!staging) throw new Error('split.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
const raw = path.join(targetDir, 'wasm32-unknown-unknown', profile, 'mandat.wasm');

const bound = fs.readdirSync(staging).find((f) => /^mandat-[0-9a-f]+_bg\.wasm$/.test(f));
if (!bound) throw new Error(`no mandat-<hash>_bg.wasm in ${staging}`);
const stem = bound.replace(/_bg\.wasm$/, '');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mandat-split-'));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
try {
  const cut = path.join(work, 'cut');
  run('wasm-split-cli', ['--target', 'web', '--out-name', stem, raw, cut]);
  const bind = path.join(work, 'bind');
  // --keep-lld-exports: the parts link to the main module's table and memory.
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-name', stem, '--out-dir', bind, path.join(cut, `${stem}.wasm`)]);

  const optimise = (from, to) => (profile === 'release' ? run('wasm-opt', ['-Oz', from, '-o', to]) : fs.copyFileSync(from, to));
  optimise(path.join(bind, `${stem}_bg.wasm`), path.join(staging, `${stem}_bg.wasm`));

  const parts = fs.readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  for (const part of parts) optimise(path.join(cut, part), path.join(staging, `${stem}-${part}`));

  // The glue imports the parts' loader (the wasm still names it by its own
  // module name); the loader names each part's file.
  const loader = `${stem}-split.js`;
  const glue = fs.readFileSync(path.join(bind, `${stem}.js`), 'utf8').replaceAll('from "./__wasm_split.js"', `from "./${loader}"`);
  const mainPath = path.join(staging, `${stem}_bg.wasm`);
  const short = shortenNames(glue, fs.readFileSync(mainPath));
  fs.writeFileSync(path.join(staging, `${stem}.js`), short.glue);
  fs.writeFileSync(mainPath, short.wasm);
  let split = fs.readFileSync(path.join(cut, '__wasm_split.js'), 'utf8');
  for (const part of parts) split = split.replaceAll(`"./${part}"`, `"./${stem}-${part}"`);
  fs.writeFileSync(path.join(staging, loader), split);

  // The scripts and stylesheets the payment step fetches, minified: they are
  // written for reading (about 6 KB of brotli more). The stylesheets keep
  // their rules as written, in their order: only comments and spaces go.
  const pageLoader = fs.readdirSync(staging).find((f) => /^loader-[0-9a-f]+\.js$/.test(f));
  const scripts = [`${stem}.js`, loader, ...(pageLoader ? [pageLoader] : [])];
  const stylesheets = fs.readdirSync(staging).filter((f) => f.endsWith('.css'));
  if (profile === 'release') {
    for (const file of scripts) {
      const source = fs.readFileSync(path.join(staging, file), 'utf8');
      const { code } = await minify(source, { module: true, compress: true, mangle: true, format: { comments: false } });
      fs.writeFileSync(path.join(staging, file), code);
    }
    for (const file of stylesheets) {
      const source = fs.readFileSync(path.join(staging, file), 'utf8');
      fs.writeFileSync(path.join(staging, file), minifyCss(source, { restructure: false }).css);
    }
  }

  // Subresource integrity of the files Trunk linked from the page. Its tags
  // are read whatever their attributes' order and quoting (the page is
  // minified in release builds).
  const indexPath = path.join(staging, 'index.html');
  let index = fs.readFileSync(indexPath, 'utf8');
  const integrity = (file) => `sha384-${createHash('sha384').update(fs.readFileSync(path.join(staging, file))).digest('base64')}`;
  const linksTo = (tag, file) => new RegExp(`\\b(?:href|src)=["']?[^"'\\s>]*/${file.replaceAll('.', '\\.')}["'\\s>]`).test(tag);
  const tags = /<(?:link|script)\b[^>]*>/g;
  for (const file of [...scripts, ...stylesheets, `${stem}_bg.wasm`]) {
    index = index.replace(tags, (tag) =>
      linksTo(tag, file) ? tag.replace(/\bintegrity=(["']?)sha384-[A-Za-z0-9+/=]+\1/, `integrity="${integrity(file)}"`) : tag,
    );
  }
  // The glue imports the parts' loader at once: asked for beside the glue,
  // not one round trip after it.
  const gluePreload = index.match(tags)?.find((tag) => /\bmodulepreload\b/.test(tag) && linksTo(tag, `${stem}.js`));
  if (gluePreload) {
    const base = /\bhref=["']?([^"'\s>]*\/)/.exec(gluePreload)[1];
    const preload = `<link rel="modulepreload" href="${base}${loader}" crossorigin="anonymous" integrity="${integrity(loader)}">`;
    index = index.replace(gluePreload, gluePreload + preload);
  }
  fs.writeFileSync(indexPath, index);
  console.log(`[split] ${stem}: main and ${parts.length} parts, ${short.count} shared names shortened`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
