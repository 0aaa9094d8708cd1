-- EventLead Platform: complete schema DDL for PostgreSQL (and PGlite).
-- Generated from the entities of @eventlead/models by `pnpm --filter @eventlead/db docs:schema`; do not edit.
-- Databases are built by the migrations (`pnpm db:migrate`); this file is for review and reference.

create schema if not exists "cache";
create schema if not exists "audit";
create schema if not exists "log";
create schema if not exists "dbo";
create schema if not exists "ref";
create schema if not exists "config";
create table "cache"."ABRSearch" ("ABRSearchID" bigserial, "SearchType" varchar(10) not null, "SearchValue" varchar(200) not null, "ResultJson" jsonb not null, "ResultCount" int not null default 0, "ExpiresDate" timestamptz not null, "CreatedDate" timestamptz not null default current_timestamp, "UpdatedDate" timestamptz not null default current_timestamp, constraint "PK_ABRSearch" primary key ("ABRSearchID"), constraint "CK_ABRSearch_ResultCount" check ("ResultCount" >= 0), constraint "CK_ABRSearch_ExpiresDate" check ("ExpiresDate" > "CreatedDate"));
create index "IX_ABRSearch_ExpiresDate" on "cache"."ABRSearch" ("ExpiresDate");
alter table "cache"."ABRSearch" add constraint "UQ_ABRSearch_SearchType_SearchValue" unique ("SearchType", "SearchValue");

create table "audit"."ActivityLog" ("ActivityLogID" bigserial, "UserID" bigint null, "CompanyID" bigint null, "Action" varchar(100) not null, "EntityType" varchar(100) null, "EntityID" bigint null, "Details" jsonb null, "IPAddress" varchar(45) null, "UserAgent" varchar(500) null, "RequestID" varchar(64) null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_ActivityLog" primary key ("ActivityLogID"));
create index "IX_ActivityLog_UserID" on "audit"."ActivityLog" ("UserID");
create index "IX_ActivityLog_CompanyID" on "audit"."ActivityLog" ("CompanyID");
create index "IX_ActivityLog_CreatedDate" on "audit"."ActivityLog" ("CreatedDate");
create index "IX_ActivityLog_EntityType_EntityID" on "audit"."ActivityLog" ("EntityType", "EntityID");

create table "log"."ApiRequest" ("ApiRequestID" bigserial, "RequestID" varchar(64) not null, "Method" varchar(10) not null, "Path" varchar(2000) not null, "StatusCode" int not null, "DurationMs" int not null, "UserID" bigint null, "CompanyID" bigint null, "IPAddress" varchar(45) null, "UserAgent" varchar(500) null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_ApiRequest" primary key ("ApiRequestID"), constraint "CK_ApiRequest_StatusCode" check ("StatusCode" between 100 and 599), constraint "CK_ApiRequest_DurationMs" check ("DurationMs" >= 0));
create index "IX_ApiRequest_RequestID" on "log"."ApiRequest" ("RequestID");
create index "IX_ApiRequest_UserID" on "log"."ApiRequest" ("UserID");
create index "IX_ApiRequest_CompanyID" on "log"."ApiRequest" ("CompanyID");
create index "IX_ApiRequest_CreatedDate" on "log"."ApiRequest" ("CreatedDate");

create table "log"."ApplicationError" ("ApplicationErrorID" bigserial, "ErrorType" varchar(200) not null, "Severity" varchar(20) not null default 'error', "Message" text not null, "StackTrace" text null, "Method" varchar(10) null, "Path" varchar(2000) null, "RequestID" varchar(64) null, "UserID" bigint null, "CompanyID" bigint null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_ApplicationError" primary key ("ApplicationErrorID"));
create index "IX_ApplicationError_RequestID" on "log"."ApplicationError" ("RequestID");
create index "IX_ApplicationError_UserID" on "log"."ApplicationError" ("UserID");
create index "IX_ApplicationError_CompanyID" on "log"."ApplicationError" ("CompanyID");
create index "IX_ApplicationError_CreatedDate" on "log"."ApplicationError" ("CreatedDate");

create table "log"."AuthEvent" ("AuthEventID" bigserial, "UserID" bigint null, "Email" varchar(255) null, "EventType" varchar(50) not null, "Reason" varchar(500) null, "IPAddress" varchar(45) null, "UserAgent" varchar(500) null, "RequestID" varchar(64) null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_AuthEvent" primary key ("AuthEventID"));
create index "IX_AuthEvent_UserID" on "log"."AuthEvent" ("UserID");
create index "IX_AuthEvent_Email" on "log"."AuthEvent" ("Email");
create index "IX_AuthEvent_CreatedDate" on "log"."AuthEvent" ("CreatedDate");

create table "dbo"."Company" ("CompanyID" bigserial, "CompanyName" varchar(200) not null, "ABN" varchar(11) null, "ACN" varchar(9) null, "TradingName" varchar(200) null, "EntityTypeCode" varchar(10) null, "EntityTypeName" varchar(200) null, "GSTRegistered" boolean not null default false, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_Company" primary key ("CompanyID"));
create index "IX_Company_ABN" on "dbo"."Company" ("ABN");

create table "audit"."Company" ("CompanyAuditID" bigserial, "CompanyID" bigint not null, "ChangeType" varchar(20) not null, "FieldName" varchar(100) null, "OldValue" text null, "NewValue" text null, "ChangedBy" bigint null, "ChangedDate" timestamptz not null default current_timestamp, "IPAddress" varchar(45) null, "UserAgent" varchar(500) null, "RequestID" varchar(64) null, "Reason" varchar(500) null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_Company" primary key ("CompanyAuditID"));
create index "IX_Company_CompanyID" on "audit"."Company" ("CompanyID");
create index "IX_Company_ChangedBy" on "audit"."Company" ("ChangedBy");

create table "ref"."Country" ("CountryID" serial, "Code" varchar(2) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "Alpha3" varchar(3) not null, "NumericCode" varchar(3) null, "PhonePrefix" varchar(10) null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_Country" primary key ("CountryID"), constraint "CK_Country_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."Country" add constraint "UQ_Country_Code" unique ("Code");
alter table "ref"."Country" add constraint "UQ_Country_Alpha3" unique ("Alpha3");

create table "dbo"."CompanyBillingDetails" ("CompanyBillingDetailsID" bigserial, "CompanyID" bigint not null, "BillingEmail" varchar(255) not null, "BillingContactName" varchar(200) null, "BillingPhone" varchar(20) null, "BillingAddressLine1" varchar(200) not null, "BillingAddressLine2" varchar(200) null, "BillingCity" varchar(100) not null, "BillingState" varchar(100) null, "BillingPostcode" varchar(20) not null, "CountryID" int not null, "PurchaseOrderNumber" varchar(50) null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_CompanyBillingDetails" primary key ("CompanyBillingDetailsID"));
alter table "dbo"."CompanyBillingDetails" add constraint "UQ_CompanyBillingDetails_CompanyID" unique ("CompanyID");
create index "IX_CompanyBillingDetails_CountryID" on "dbo"."CompanyBillingDetails" ("CountryID");

create table "ref"."CustomerTier" ("CustomerTierID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_CustomerTier" primary key ("CustomerTierID"), constraint "CK_CustomerTier_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."CustomerTier" add constraint "UQ_CustomerTier_Code" unique ("Code");

create table "log"."EmailDelivery" ("EmailDeliveryID" bigserial, "RecipientEmail" varchar(255) not null, "TemplateName" varchar(100) not null, "Subject" varchar(500) not null, "Status" varchar(20) not null default 'queued', "ProviderMessageID" varchar(200) null, "ErrorMessage" text null, "AttemptNumber" int not null default 1, "SentDate" timestamptz null, "UserID" bigint null, "RequestID" varchar(64) null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_EmailDelivery" primary key ("EmailDeliveryID"), constraint "CK_EmailDelivery_AttemptNumber" check ("AttemptNumber" >= 1));
create index "IX_EmailDelivery_RecipientEmail" on "log"."EmailDelivery" ("RecipientEmail");
create index "IX_EmailDelivery_ProviderMessageID" on "log"."EmailDelivery" ("ProviderMessageID");
create index "IX_EmailDelivery_UserID" on "log"."EmailDelivery" ("UserID");
create index "IX_EmailDelivery_CreatedDate" on "log"."EmailDelivery" ("CreatedDate");

create table "ref"."Industry" ("IndustryID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_Industry" primary key ("IndustryID"), constraint "CK_Industry_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."Industry" add constraint "UQ_Industry_Code" unique ("Code");

create table "dbo"."CompanyCustomerDetails" ("CompanyCustomerDetailsID" bigserial, "CompanyID" bigint not null, "CustomerTierID" int not null, "IndustryID" int null, "CompanySize" varchar(20) null, "WebsiteUrl" varchar(500) null, "ReferralSource" varchar(100) null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_CompanyCustomerDetails" primary key ("CompanyCustomerDetailsID"));
alter table "dbo"."CompanyCustomerDetails" add constraint "UQ_CompanyCustomerDetails_CompanyID" unique ("CompanyID");
create index "IX_CompanyCustomerDetails_CustomerTierID" on "dbo"."CompanyCustomerDetails" ("CustomerTierID");
create index "IX_CompanyCustomerDetails_IndustryID" on "dbo"."CompanyCustomerDetails" ("IndustryID");

create table "ref"."JoinedVia" ("JoinedViaID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_JoinedVia" primary key ("JoinedViaID"), constraint "CK_JoinedVia_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."JoinedVia" add constraint "UQ_JoinedVia_Code" unique ("Code");

create table "ref"."Language" ("LanguageID" serial, "Code" varchar(2) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "NativeName" varchar(100) null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_Language" primary key ("LanguageID"), constraint "CK_Language_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."Language" add constraint "UQ_Language_Code" unique ("Code");

create table "audit"."Role" ("RoleAuditID" bigserial, "UserCompanyID" bigint not null, "UserID" bigint not null, "CompanyID" bigint not null, "OldRoleID" int null, "NewRoleID" int not null, "ChangedBy" bigint null, "ChangedDate" timestamptz not null default current_timestamp, "Reason" varchar(500) null, "IPAddress" varchar(45) null, "UserAgent" varchar(500) null, "RequestID" varchar(64) null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_Role" primary key ("RoleAuditID"));
create index "IX_Role_UserCompanyID" on "audit"."Role" ("UserCompanyID");
create index "IX_Role_UserID" on "audit"."Role" ("UserID");
create index "IX_Role_CompanyID" on "audit"."Role" ("CompanyID");
create index "IX_Role_ChangedBy" on "audit"."Role" ("ChangedBy");

create table "ref"."RuleType" ("RuleTypeID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_RuleType" primary key ("RuleTypeID"), constraint "CK_RuleType_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."RuleType" add constraint "UQ_RuleType_Code" unique ("Code");

create table "ref"."SettingCategory" ("SettingCategoryID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_SettingCategory" primary key ("SettingCategoryID"), constraint "CK_SettingCategory_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."SettingCategory" add constraint "UQ_SettingCategory_Code" unique ("Code");

create table "ref"."SettingType" ("SettingTypeID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_SettingType" primary key ("SettingTypeID"), constraint "CK_SettingType_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."SettingType" add constraint "UQ_SettingType_Code" unique ("Code");

create table "config"."AppSetting" ("AppSettingID" bigserial, "SettingKey" varchar(100) not null, "SettingValue" text null, "DefaultValue" text null, "Description" varchar(500) null, "SettingCategoryID" int not null, "SettingTypeID" int not null, "IsEditable" boolean not null default true, "IsSensitive" boolean not null default false, "SortOrder" int not null default 0, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_AppSetting" primary key ("AppSettingID"), constraint "CK_AppSetting_SortOrder" check ("SortOrder" >= 0));
alter table "config"."AppSetting" add constraint "UQ_AppSetting_SettingKey" unique ("SettingKey");
create index "IX_AppSetting_SettingCategoryID" on "config"."AppSetting" ("SettingCategoryID");
create index "IX_AppSetting_SettingTypeID" on "config"."AppSetting" ("SettingTypeID");

create table "ref"."Timezone" ("TimezoneID" serial, "Code" varchar(64) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "UtcOffset" varchar(6) not null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_Timezone" primary key ("TimezoneID"), constraint "CK_Timezone_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."Timezone" add constraint "UQ_Timezone_Code" unique ("Code");

create table "dbo"."CompanyOrganizerDetails" ("CompanyOrganizerDetailsID" bigserial, "CompanyID" bigint not null, "OrganizerDisplayName" varchar(200) null, "PublicEmail" varchar(255) null, "PublicPhone" varchar(20) null, "WebsiteUrl" varchar(500) null, "Description" text null, "TimezoneID" int null, "LanguageID" int null, "EventsPerYear" int null, "TypicalAttendeeCount" int null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_CompanyOrganizerDetails" primary key ("CompanyOrganizerDetailsID"), constraint "CK_CompanyOrganizerDetails_EventsPerYear" check ("EventsPerYear" >= 0), constraint "CK_CompanyOrganizerDetails_TypicalAttendeeCount" check ("TypicalAttendeeCount" >= 0));
alter table "dbo"."CompanyOrganizerDetails" add constraint "UQ_CompanyOrganizerDetails_CompanyID" unique ("CompanyID");
create index "IX_CompanyOrganizerDetails_TimezoneID" on "dbo"."CompanyOrganizerDetails" ("TimezoneID");
create index "IX_CompanyOrganizerDetails_LanguageID" on "dbo"."CompanyOrganizerDetails" ("LanguageID");

create table "audit"."User" ("UserAuditID" bigserial, "UserID" bigint not null, "ChangeType" varchar(20) not null, "FieldName" varchar(100) null, "OldValue" text null, "NewValue" text null, "ChangedBy" bigint null, "ChangedDate" timestamptz not null default current_timestamp, "IPAddress" varchar(45) null, "UserAgent" varchar(500) null, "RequestID" varchar(64) null, "Reason" varchar(500) null, "CreatedDate" timestamptz not null default current_timestamp, constraint "PK_User" primary key ("UserAuditID"));
create index "IX_User_UserID" on "audit"."User" ("UserID");
create index "IX_User_ChangedBy" on "audit"."User" ("ChangedBy");

create table "ref"."UserCompanyRole" ("UserCompanyRoleID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserCompanyRole" primary key ("UserCompanyRoleID"), constraint "CK_UserCompanyRole_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."UserCompanyRole" add constraint "UQ_UserCompanyRole_Code" unique ("Code");

create table "ref"."UserCompanyStatus" ("UserCompanyStatusID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserCompanyStatus" primary key ("UserCompanyStatusID"), constraint "CK_UserCompanyStatus_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."UserCompanyStatus" add constraint "UQ_UserCompanyStatus_Code" unique ("Code");

create table "ref"."UserInvitationStatus" ("UserInvitationStatusID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserInvitationStatus" primary key ("UserInvitationStatusID"), constraint "CK_UserInvitationStatus_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."UserInvitationStatus" add constraint "UQ_UserInvitationStatus_Code" unique ("Code");

create table "ref"."UserRole" ("UserRoleID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserRole" primary key ("UserRoleID"), constraint "CK_UserRole_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."UserRole" add constraint "UQ_UserRole_Code" unique ("Code");

create table "ref"."UserStatus" ("UserStatusID" serial, "Code" varchar(50) not null, "Name" varchar(100) not null, "Description" varchar(500) null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserStatus" primary key ("UserStatusID"), constraint "CK_UserStatus_SortOrder" check ("SortOrder" >= 0));
alter table "ref"."UserStatus" add constraint "UQ_UserStatus_Code" unique ("Code");

create table "dbo"."User" ("UserID" bigserial, "Email" varchar(255) not null, "PasswordHash" varchar(255) not null, "FirstName" varchar(100) null, "LastName" varchar(100) null, "Phone" varchar(20) null, "RoleTitle" varchar(100) null, "IsEmailVerified" boolean not null default false, "EmailVerifiedDate" timestamptz null, "OnboardingComplete" boolean not null default false, "LastLogin" timestamptz null, "AccessTokenVersion" int not null default 0, "StatusID" int not null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_User" primary key ("UserID"), constraint "CK_User_AccessTokenVersion" check ("AccessTokenVersion" >= 0));
create index "IX_User_StatusID" on "dbo"."User" ("StatusID");
create unique index "UQ_User_Email" on "dbo"."User" ("Email") where "IsDeleted" = false;

create table "dbo"."UserRefreshToken" ("UserRefreshTokenID" bigserial, "UserID" bigint not null, "TokenHash" varchar(128) not null, "ExpiresDate" timestamptz not null, "UsedDate" timestamptz null, "RevokedDate" timestamptz null, "IPAddress" varchar(45) null, "UserAgent" varchar(500) null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserRefreshToken" primary key ("UserRefreshTokenID"), constraint "CK_UserRefreshToken_ExpiresDate" check ("ExpiresDate" > "CreatedDate"));
create index "IX_UserRefreshToken_UserID" on "dbo"."UserRefreshToken" ("UserID");
alter table "dbo"."UserRefreshToken" add constraint "UQ_UserRefreshToken_TokenHash" unique ("TokenHash");

create table "dbo"."UserPasswordResetToken" ("UserPasswordResetTokenID" bigserial, "UserID" bigint not null, "TokenHash" varchar(128) not null, "ExpiresDate" timestamptz not null, "UsedDate" timestamptz null, "RevokedDate" timestamptz null, "IPAddress" varchar(45) null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserPasswordResetToken" primary key ("UserPasswordResetTokenID"), constraint "CK_UserPasswordResetToken_ExpiresDate" check ("ExpiresDate" > "CreatedDate"));
create index "IX_UserPasswordResetToken_UserID" on "dbo"."UserPasswordResetToken" ("UserID");
alter table "dbo"."UserPasswordResetToken" add constraint "UQ_UserPasswordResetToken_TokenHash" unique ("TokenHash");

create table "dbo"."UserInvitation" ("UserInvitationID" bigserial, "CompanyID" bigint not null, "Email" varchar(255) not null, "FirstName" varchar(100) null, "LastName" varchar(100) null, "UserCompanyRoleID" int not null, "InvitedBy" bigint not null, "UserInvitationStatusID" int not null, "TokenHash" varchar(128) not null, "ExpiresDate" timestamptz not null, "AcceptedDate" timestamptz null, "RevokedDate" timestamptz null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserInvitation" primary key ("UserInvitationID"), constraint "CK_UserInvitation_ExpiresDate" check ("ExpiresDate" > "CreatedDate"));
create index "IX_UserInvitation_CompanyID" on "dbo"."UserInvitation" ("CompanyID");
create index "IX_UserInvitation_Email" on "dbo"."UserInvitation" ("Email");
create index "IX_UserInvitation_UserCompanyRoleID" on "dbo"."UserInvitation" ("UserCompanyRoleID");
create index "IX_UserInvitation_InvitedBy" on "dbo"."UserInvitation" ("InvitedBy");
create index "IX_UserInvitation_UserInvitationStatusID" on "dbo"."UserInvitation" ("UserInvitationStatusID");
alter table "dbo"."UserInvitation" add constraint "UQ_UserInvitation_TokenHash" unique ("TokenHash");

create table "dbo"."UserEmailVerificationToken" ("UserEmailVerificationTokenID" bigserial, "UserID" bigint not null, "TokenHash" varchar(128) not null, "ExpiresDate" timestamptz not null, "UsedDate" timestamptz null, "RevokedDate" timestamptz null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserEmailVerificationToken" primary key ("UserEmailVerificationTokenID"), constraint "CK_UserEmailVerificationToken_ExpiresDate" check ("ExpiresDate" > "CreatedDate"));
create index "IX_UserEmailVerificationToken_UserID" on "dbo"."UserEmailVerificationToken" ("UserID");
alter table "dbo"."UserEmailVerificationToken" add constraint "UQ_UserEmailVerificationToken_TokenHash" unique ("TokenHash");

create table "dbo"."UserCompany" ("UserCompanyID" bigserial, "UserID" bigint not null, "CompanyID" bigint not null, "UserCompanyRoleID" int not null, "UserCompanyStatusID" int not null, "IsDefaultCompany" boolean not null default false, "JoinedVia" int not null, "InvitedBy" bigint null, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_UserCompany" primary key ("UserCompanyID"));
create index "IX_UserCompany_UserID" on "dbo"."UserCompany" ("UserID");
create index "IX_UserCompany_CompanyID" on "dbo"."UserCompany" ("CompanyID");
create index "IX_UserCompany_UserCompanyRoleID" on "dbo"."UserCompany" ("UserCompanyRoleID");
create index "IX_UserCompany_UserCompanyStatusID" on "dbo"."UserCompany" ("UserCompanyStatusID");
create index "IX_UserCompany_JoinedVia" on "dbo"."UserCompany" ("JoinedVia");
create index "IX_UserCompany_InvitedBy" on "dbo"."UserCompany" ("InvitedBy");
alter table "dbo"."UserCompany" add constraint "UQ_UserCompany_UserID_CompanyID" unique ("UserID", "CompanyID");

create table "config"."ValidationRule" ("ValidationRuleID" bigserial, "RuleTypeID" int not null, "RuleName" varchar(100) not null, "RuleValue" varchar(1000) not null, "ErrorMessage" varchar(500) not null, "Description" varchar(500) null, "CountryID" int null, "SortOrder" int not null default 0, "IsActive" boolean not null default true, "CreatedDate" timestamptz not null default current_timestamp, "CreatedBy" bigint null, "UpdatedDate" timestamptz not null default current_timestamp, "UpdatedBy" bigint null, "IsDeleted" boolean not null default false, "DeletedDate" timestamptz null, "DeletedBy" bigint null, constraint "PK_ValidationRule" primary key ("ValidationRuleID"), constraint "CK_ValidationRule_SortOrder" check ("SortOrder" >= 0));
create index "IX_ValidationRule_RuleTypeID" on "config"."ValidationRule" ("RuleTypeID");
create index "IX_ValidationRule_RuleName" on "config"."ValidationRule" ("RuleName");
create index "IX_ValidationRule_CountryID" on "config"."ValidationRule" ("CountryID");

alter table "dbo"."CompanyBillingDetails" add constraint "FK_CompanyBillingDetails_Company" foreign key ("CompanyID") references "dbo"."Company" ("CompanyID") on update no action on delete no action;
alter table "dbo"."CompanyBillingDetails" add constraint "FK_CompanyBillingDetails_Country" foreign key ("CountryID") references "ref"."Country" ("CountryID") on update no action on delete no action;

alter table "dbo"."CompanyCustomerDetails" add constraint "FK_CompanyCustomerDetails_Company" foreign key ("CompanyID") references "dbo"."Company" ("CompanyID") on update no action on delete no action;
alter table "dbo"."CompanyCustomerDetails" add constraint "FK_CompanyCustomerDetails_CustomerTier" foreign key ("CustomerTierID") references "ref"."CustomerTier" ("CustomerTierID") on update no action on delete no action;
alter table "dbo"."CompanyCustomerDetails" add constraint "FK_CompanyCustomerDetails_Industry" foreign key ("IndustryID") references "ref"."Industry" ("IndustryID") on update no action on delete no action;

alter table "config"."AppSetting" add constraint "FK_AppSetting_SettingCategory" foreign key ("SettingCategoryID") references "ref"."SettingCategory" ("SettingCategoryID") on update no action on delete no action;
alter table "config"."AppSetting" add constraint "FK_AppSetting_SettingType" foreign key ("SettingTypeID") references "ref"."SettingType" ("SettingTypeID") on update no action on delete no action;

alter table "dbo"."CompanyOrganizerDetails" add constraint "FK_CompanyOrganizerDetails_Company" foreign key ("CompanyID") references "dbo"."Company" ("CompanyID") on update no action on delete no action;
alter table "dbo"."CompanyOrganizerDetails" add constraint "FK_CompanyOrganizerDetails_Timezone" foreign key ("TimezoneID") references "ref"."Timezone" ("TimezoneID") on update no action on delete no action;
alter table "dbo"."CompanyOrganizerDetails" add constraint "FK_CompanyOrganizerDetails_Language" foreign key ("LanguageID") references "ref"."Language" ("LanguageID") on update no action on delete no action;

alter table "dbo"."User" add constraint "FK_User_UserStatus" foreign key ("StatusID") references "ref"."UserStatus" ("UserStatusID") on update no action on delete no action;

alter table "dbo"."UserRefreshToken" add constraint "FK_UserRefreshToken_User" foreign key ("UserID") references "dbo"."User" ("UserID") on update no action on delete no action;

alter table "dbo"."UserPasswordResetToken" add constraint "FK_UserPasswordResetToken_User" foreign key ("UserID") references "dbo"."User" ("UserID") on update no action on delete no action;

alter table "dbo"."UserInvitation" add constraint "FK_UserInvitation_Company" foreign key ("CompanyID") references "dbo"."Company" ("CompanyID") on update no action on delete no action;
alter table "dbo"."UserInvitation" add constraint "FK_UserInvitation_UserCompanyRole" foreign key ("UserCompanyRoleID") references "ref"."UserCompanyRole" ("UserCompanyRoleID") on update no action on delete no action;
alter table "dbo"."UserInvitation" add constraint "FK_UserInvitation_User" foreign key ("InvitedBy") references "dbo"."User" ("UserID") on update no action on delete no action;
alter table "dbo"."UserInvitation" add constraint "FK_UserInvitation_UserInvitationStatus" foreign key ("UserInvitationStatusID") references "ref"."UserInvitationStatus" ("UserInvitationStatusID") on update no action on delete no action;

alter table "dbo"."UserEmailVerificationToken" add constraint "FK_UserEmailVerificationToken_User" foreign key ("UserID") references "dbo"."User" ("UserID") on update no action on delete no action;

alter table "dbo"."UserCompany" add constraint "FK_UserCompany_UserID" foreign key ("UserID") references "dbo"."User" ("UserID") on update no action on delete no action;
alter table "dbo"."UserCompany" add constraint "FK_UserCompany_Company" foreign key ("CompanyID") references "dbo"."Company" ("CompanyID") on update no action on delete no action;
alter table "dbo"."UserCompany" add constraint "FK_UserCompany_UserCompanyRole" foreign key ("UserCompanyRoleID") references "ref"."UserCompanyRole" ("UserCompanyRoleID") on update no action on delete no action;
alter table "dbo"."UserCompany" add constraint "FK_UserCompany_UserCompanyStatus" foreign key ("UserCompanyStatusID") references "ref"."UserCompanyStatus" ("UserCompanyStatusID") on update no action on delete no action;
alter table "dbo"."UserCompany" add constraint "FK_UserCompany_JoinedVia" foreign key ("JoinedVia") references "ref"."JoinedVia" ("JoinedViaID") on update no action on delete no action;
alter table "dbo"."UserCompany" add constraint "FK_UserCompany_InvitedBy" foreign key ("InvitedBy") references "dbo"."User" ("UserID") on update no action on delete no action;

alter table "config"."ValidationRule" add constraint "FK_ValidationRule_RuleType" foreign key ("RuleTypeID") references "ref"."RuleType" ("RuleTypeID") on update no action on delete no action;
alter table "config"."ValidationRule" add constraint "FK_ValidationRule_Country" foreign key ("CountryID") references "ref"."Country" ("CountryID") on update no action on delete no action;
