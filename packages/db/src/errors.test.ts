import { ConstraintViolationError, DatabaseError, ForeignKeyError, UniqueConflictError } from './errors';

describe('constraint violations', () => {
  it.each([
    ['UniqueConflictError(UQ_User_Email)', new UniqueConflictError('UQ_User_Email'), 'DB_UNIQUE_CONFLICT', 'Unique constraint UQ_User_Email violated', 'UQ_User_Email'],
    ['UniqueConflictError(undefined)', new UniqueConflictError(undefined), 'DB_UNIQUE_CONFLICT', 'Unique constraint violated', undefined],
    ['ForeignKeyError(FK_UserCompany_User)', new ForeignKeyError('FK_UserCompany_User'), 'DB_FOREIGN_KEY', 'Foreign key FK_UserCompany_User violated', 'FK_UserCompany_User'],
    ['ForeignKeyError(undefined)', new ForeignKeyError(undefined), 'DB_FOREIGN_KEY', 'Foreign key constraint violated', undefined],
  ])('%s: 409 with its code, a message naming only the constraint, and the constraint', (_label, error, code, message, constraint) => {
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.constraint).toBe(constraint);
    expect(error.name).toBe(error.constructor.name);
  });

  it('keeps the driver error as its cause', () => {
    const cause = new Error('duplicate key value violates unique constraint "UQ_User_Email"');
    expect(new UniqueConflictError('UQ_User_Email', { cause }).cause).toBe(cause);
  });
});
