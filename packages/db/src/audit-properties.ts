/**
 * Property names of the shared audit column set (CreatedDate, CreatedBy, UpdatedDate, UpdatedBy,
 * IsDeleted, DeletedDate, DeletedBy). The subscribers look these names up in each entity's metadata,
 * so an entity takes part by having the property; no base class or registration is needed.
 */
export const AUDIT_PROPERTIES = {
  createdDate: 'createdDate',
  createdBy: 'createdBy',
  updatedDate: 'updatedDate',
  updatedBy: 'updatedBy',
  isDeleted: 'isDeleted',
  deletedDate: 'deletedDate',
  deletedBy: 'deletedBy',
} as const;
