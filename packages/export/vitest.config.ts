import { defineFinopsProject } from '../../vitest.shared';

export default defineFinopsProject('export');
