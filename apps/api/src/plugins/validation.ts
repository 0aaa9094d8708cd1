import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Schema, ValidationError } from 'yup';

/**
 * One validator compiler for every route: request schemas are yup schemas. The compiled validator
 * answers `{ value }` or `{ error }` and never throws, so Fastify hands a failure to the error
 * handler as a 400. Unknown keys are refused by the schemas themselves (`noUnknown`).
 */
export const validationPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    app.setValidatorCompiler(({ schema }) => {
      if (!(schema instanceof Schema)) throw new TypeError('Route request schemas must be yup schemas.');
      const yupSchema = schema;
      return (data: unknown) => {
        try {
          return { value: yupSchema.validateSync(data, { abortEarly: false, stripUnknown: false }) as unknown };
        } catch (error) {
          if (error instanceof ValidationError) return { error };
          return { error: new ValidationError('The request could not be validated.') };
        }
      };
    });
    done();
  },
  { name: 'eventlead-validation', fastify: '5.x' },
);
