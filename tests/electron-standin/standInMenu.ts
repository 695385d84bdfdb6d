import type {
  BaseWindow,
  KeyboardEvent,
  MenuItemConstructorOptions,
  PopupOptions,
  WebContents,
} from 'electron';
import type { CallRecord } from './callRecord';

type ClickHandler = NonNullable<MenuItemConstructorOptions['click']>;

/** One item of a stand-in menu, with the fields Electron's MenuItem has for what main sets. */
export class StandInMenuItem implements Pick<
  Electron.MenuItem,
  'id' | 'label' | 'sublabel' | 'toolTip' | 'type' | 'enabled' | 'visible' | 'checked'
> {
  id: string;
  label: string;
  sublabel: string;
  toolTip: string;
  type: Electron.MenuItem['type'];
  role: MenuItemConstructorOptions['role'];
  accelerator: string | null;
  enabled: boolean;
  visible: boolean;
  checked: boolean;
  submenu: StandInMenu | null;
  private readonly onClick: ClickHandler | undefined;

  constructor(options: MenuItemConstructorOptions) {
    const submenu =
      options.submenu instanceof StandInMenu
        ? options.submenu
        : Array.isArray(options.submenu)
          ? StandInMenu.fromTemplate(options.submenu as MenuItemConstructorOptions[])
          : null;
    // Electron's own rules: a submenu item needs a submenu, a separator has no label.
    if (options.type === 'submenu' && !submenu) throw new Error('Invalid submenu');
    this.id = options.id ?? '';
    this.label = options.label ?? '';
    this.sublabel = options.sublabel ?? '';
    this.toolTip = options.toolTip ?? '';
    this.type = options.type ?? (submenu ? 'submenu' : 'normal');
    this.role = options.role;
    this.accelerator = typeof options.accelerator === 'string' ? options.accelerator : null;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    this.submenu = submenu;
    this.onClick = options.click;
  }

  /** Electron's MenuItem.click: what choosing the item in the native menu does. */
  click(
    event: KeyboardEvent = {},
    focusedWindow?: BaseWindow,
    _focusedWebContents?: WebContents,
  ): void {
    if (!this.enabled) return;
    if (this.type === 'checkbox') this.checked = !this.checked;
    this.onClick?.(this as unknown as Electron.MenuItem, focusedWindow, event);
  }
}

export class StandInMenu {
  readonly items: StandInMenuItem[] = [];
  /** Set by the stand-in that built the menu: popups are recorded there. */
  record: CallRecord | null = null;

  static fromTemplate(template: readonly MenuItemConstructorOptions[]): StandInMenu {
    const menu = new StandInMenu();
    for (const options of template) menu.append(new StandInMenuItem(options));
    return menu;
  }

  append(item: StandInMenuItem): void {
    this.items.push(item);
  }

  getMenuItemById(id: string): StandInMenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }

  popup(options: PopupOptions = {}): void {
    this.record?.add('menu.popup', this, options);
  }
}

/** Electron's `Menu` class for one stand-in: its own application menu and record. */
export interface MenuClass {
  new (): StandInMenu;
  buildFromTemplate(template: (MenuItemConstructorOptions | StandInMenuItem)[]): StandInMenu;
  setApplicationMenu(menu: StandInMenu | null): void;
  getApplicationMenu(): StandInMenu | null;
}

export function createMenuClass(record: CallRecord): MenuClass {
  let applicationMenu: StandInMenu | null = null;
  return class Menu extends StandInMenu {
    override record = record;

    static buildFromTemplate(
      template: (MenuItemConstructorOptions | StandInMenuItem)[],
    ): StandInMenu {
      const menu = new Menu();
      for (const entry of template)
        menu.append(entry instanceof StandInMenuItem ? entry : new StandInMenuItem(entry));
      return menu;
    }

    static setApplicationMenu(menu: StandInMenu | null): void {
      record.add('Menu.setApplicationMenu', menu);
      applicationMenu = menu;
    }

    static getApplicationMenu(): StandInMenu | null {
      return applicationMenu;
    }
  };
}
