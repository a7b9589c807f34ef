// The organisation registry: the same name typed differently is not added twice, and merging a
// duplicate into the one to keep happens only when asked, never while the user is still choosing.
import { expect, test, createLocalPlan } from './fixtures';

test('a name already in the registry is not added again; a duplicate is merged only on the Merge button', async ({
  accord,
  page,
}) => {
  await createLocalPlan(page, accord.url, 'Registry plan');
  await page.getByRole('button', { name: 'Organisations' }).click();
  for (const name of ['Ministry of Labour', 'Ministry of labour (duplicate)']) {
    await page.getByLabel('Organisation name').fill(name);
    await page.getByRole('button', { name: 'Add organisation' }).click();
  }
  const cards = page.locator('article.org-card');
  await expect(cards).toHaveCount(2);

  // The same name typed differently is not a third organisation.
  await page.getByLabel('Organisation name').fill('  ministry of LABOUR ');
  await expect(page.getByText('“Ministry of Labour” is already in the registry.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add organisation' })).toBeDisabled();
  await page.getByLabel('Organisation name').fill('');
  const duplicate = page.getByRole('article', { name: 'Ministry of labour (duplicate)' });

  // Nor can one be renamed to another's name: the refusal says so and the name stays.
  const duplicateName = duplicate.getByLabel('Name', { exact: true });
  await duplicateName.fill('ministry of labour');
  await duplicateName.press('Enter');
  await expect(
    page.getByText('Name is already used by another organisation: merge the two instead.'),
  ).toBeVisible();
  await expect(page.getByRole('article', { name: 'Ministry of labour (duplicate)' })).toHaveCount(
    1,
  );
  await duplicateName.press('Escape');
  await expect(duplicateName).toHaveValue('Ministry of labour (duplicate)');

  // Escape leaves the chooser and gives the focus back to Merge.
  await duplicate.getByRole('button', { name: 'Merge', exact: true }).click();
  const chooser = duplicate.getByLabel('Merge “Ministry of labour (duplicate)” into…');
  await expect(chooser).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(duplicate.getByRole('button', { name: 'Merge', exact: true })).toBeFocused();

  // Arrow keys pick an organisation without merging anything.
  await page.keyboard.press('Enter');
  await expect(chooser).toBeFocused();
  await chooser.press('ArrowDown');
  await expect(chooser).not.toHaveValue('');
  await expect(cards).toHaveCount(2);

  await duplicate.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('aria-label', 'Ministry of Labour');
});
