export { ApiRequest } from './api-request.entity';
export { ApplicationError } from './application-error.entity';
export { AuthEvent } from './auth-event.entity';
export { EmailDelivery } from './email-delivery.entity';
