import { describeConfigChecks } from './support/config-suite.js';

describeConfigChecks('acme');
