import "i18next";
import type admin from "../locales/en/admin.json";
import type common from "../locales/en/common.json";
import type donor from "../locales/en/donor.json";
import type feedback from "../locales/en/feedback.json";
import type partner from "../locales/en/partner.json";
import type programme from "../locales/en/programme.json";
import type staff from "../locales/en/staff.json";
import type submissions from "../locales/en/submissions.json";
import type reports from "../locales/en/reports.json";
import type exportLinks from "../locales/en/exports.json";
import type iati from "../locales/en/iati.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    // One namespace per area of the dashboard, so that each area's strings sit together.
    resources: {
      common: typeof common;
      staff: typeof staff;
      donor: typeof donor;
      partner: typeof partner;
      programme: typeof programme;
      admin: typeof admin;
      feedback: typeof feedback;
      submissions: typeof submissions;
      reports: typeof reports;
      exports: typeof exportLinks;
      iati: typeof iati;
    };
    returnNull: false;
  }
}
