import { describeConfigChecks } from './support/config-suite.js';

describeConfigChecks('two-servers');
