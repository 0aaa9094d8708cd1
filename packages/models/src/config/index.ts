export { AppSetting } from './app-setting.entity';
export { ValidationRule } from './validation-rule.entity';
