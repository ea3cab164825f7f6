import manifest from '../package.json' with { type: 'json' };

/** Version of the toolkit, recorded in evidence manifests. */
export const toolVersion: string = manifest.version;
