import { defineFinopsProject } from '../../vitest.shared.ts';

export default defineFinopsProject('formats');
