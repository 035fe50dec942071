/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — crossfoot's entry point: the environment's language first, then the command
 * (commands.c), whose option parser applies --lang before it says anything. */
#include "cli.h"
#include "lang.h"

int main(int argc, char **argv)
{
    cf_lang_setup(NULL);
    return cf_main(argc, argv);
}
