// Commands for an app child (test/helpers/app-child.js): admin users with a given role, signed-in
// ready (active, with a password), as an administrator would make them in Settings → Users.
module.exports = (strapi) => ({
  /** `{ email, firstname, lastname, password, role }` where role is a role code (e.g. tdkt-author). */
  async createAdmin(msg) {
    const role = await strapi.service('admin::role').findOne({ code: msg.role });
    if (!role) throw new Error(`no admin role ${msg.role}`);
    const user = await strapi.service('admin::user').create({
      email: msg.email,
      firstname: msg.firstname,
      lastname: msg.lastname,
      password: msg.password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    return { userId: user.id };
  },
});
